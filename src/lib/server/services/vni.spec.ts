import { describe, expect, it } from 'vitest';
import { fromVni, toVni } from './vni';

describe('VNI Windows', () => {
	it('reads names as VNI-Times holds them', () => {
		expect(fromVni('Nguyeãn Vaên Ñaït')).toBe('Nguyễn Văn Đạt');
		expect(fromVni('Huyønh Thò Ngoïc Hueä')).toBe('Huỳnh Thị Ngọc Huệ');
		expect(fromVni('Tröông Coâng Ñònh')).toBe('Trương Công Định');
		expect(fromVni('Phöôøng Taân Ñònh, Quaän 1')).toBe('Phường Tân Định, Quận 1');
		expect(fromVni('Leâ Kyû, Lyù Töï Troïng, Thaéng, Quyø, Nguõ, Moãi')).toBe(
			'Lê Kỷ, Lý Tự Trọng, Thắng, Quỳ, Ngũ, Mỗi'
		);
	});

	it('reads capitals, which VNI has with every tone', () => {
		expect(fromVni('NGUYEÃN THÒ AÙNH')).toBe('NGUYỄN THỊ ÁNH');
		expect(fromVni('ÑOÃ ÖÔNG')).toBe('ĐỖ ƯƠNG');
	});

	it('leaves text without VNI letters as it is', () => {
		expect(fromVni('Tran Van An, so 12')).toBe('Tran Van An, so 12');
	});

	it('writes every Vietnamese letter back the way it reads', () => {
		const letters = 'aáàảãạâấầẩẫậăắằẳẵặeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ';
		for (const text of [letters, letters.toUpperCase()]) {
			expect(toVni(text)).not.toMatch(/[\u0100-\uffff]/);
			expect(fromVni(toVni(text))).toBe(text);
		}
	});
});
