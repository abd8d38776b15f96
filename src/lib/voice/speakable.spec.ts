import { describe, expect, it } from 'vitest';
import { foreignWords, numberToWords, SAID_AS, sentences, speakable } from './speakable.js';
import { isVietnameseSyllable } from './syllable.js';

describe('numberToWords', () => {
	it.each([
		[0, 'không'],
		[5, 'năm'],
		[10, 'mười'],
		[15, 'mười lăm'],
		[21, 'hai mươi mốt'],
		[24, 'hai mươi tư'],
		[25, 'hai mươi lăm'],
		[105, 'một trăm linh năm'],
		[110, 'một trăm mười'],
		[1005, 'một nghìn không trăm linh năm'],
		[2026, 'hai nghìn không trăm hai mươi sáu'],
		[100000, 'một trăm nghìn'],
		[356400, 'ba trăm năm mươi sáu nghìn bốn trăm'],
		[1250000, 'một triệu hai trăm năm mươi nghìn'],
		[10000000, 'mười triệu'],
		[1000001, 'một triệu không trăm linh một'],
		[2000000000, 'hai tỷ']
	])('%i → %s', (n, words) => {
		expect(numberToWords(n)).toBe(words);
	});

	it('refuses what it cannot read', () => {
		expect(() => numberToWords(-1)).toThrow(RangeError);
		expect(() => numberToWords(1.5)).toThrow(RangeError);
	});
});

describe('speakable', () => {
	it('reads money as words', () => {
		expect(speakable('Bác nhập 100.000 đ nhé.')).toBe('Bác nhập một trăm nghìn đồng nhé.');
		expect(speakable('Số tiền: 356.400đ')).toBe(
			'Số tiền: ba trăm năm mươi sáu nghìn bốn trăm đồng'
		);
		expect(speakable('Trên 10.000.000 đ cần xác thực')).toBe('Trên mười triệu đồng cần xác thực');
	});

	it('reads counts, percentages and dates', () => {
		expect(speakable('số định danh 12 số')).toBe('số định danh mười hai số');
		expect(speakable('giảm 20%')).toBe('giảm hai mươi phần trăm');
		expect(speakable('trước ngày 15/11')).toBe('trước ngày mười lăm tháng mười một');
	});

	it('reads phone numbers and codes digit by digit, pausing between groups, and hides links', () => {
		expect(speakable('0912 000 111')).toBe('không chín một hai, không không không, một một một');
		expect(speakable('Số 0912.345.678')).toBe('Số không chín một hai, ba bốn năm, sáu bảy tám');
		expect(speakable('091 234 5678')).toBe('không chín một, hai ba bốn, năm sáu bảy tám');
		expect(speakable('0912345678')).toBe('không chín một hai, ba bốn năm, sáu bảy tám');
		expect(speakable('+84 912 345 678')).toBe('cộng tám tư, chín một hai, ba bốn năm, sáu bảy tám');
		expect(speakable('Tổng đài 1900 545 413')).toBe(
			'Tổng đài một chín không không, năm bốn năm, bốn một ba'
		);
		expect(speakable('Bác gọi 113 ngay.')).toBe('Bác gọi một một ba ngay.');
		expect(speakable('mã PA03')).toBe('mã pê a không ba');
		expect(speakable('PA03TAP000123')).toBe('pê a không ba tê a pê không không không một hai ba');
		expect(speakable('tại vneid-capnhat.example ngay')).toBe('tại một đường linh ngay');
		expect(speakable('vào https://dichvucong.gov.vn/p/home nhé')).toBe('vào một đường linh nhé');
	});

	it('reads times, full dates, months and weekdays as Vietnamese say them', () => {
		expect(speakable('lúc 08:05')).toBe('lúc tám giờ năm phút');
		expect(speakable('từ 7:00 đến 11h30')).toBe('từ bảy giờ đến mười một giờ ba mươi phút');
		expect(speakable('ngày 29/4/2025')).toBe(
			'ngày hai mươi chín tháng tư năm hai nghìn không trăm hai mươi lăm'
		);
		expect(speakable('tháng 4 năm 1952')).toBe('tháng tư năm một nghìn chín trăm năm mươi hai');
		expect(speakable('sáng thứ 4')).toBe('sáng thứ tư');
		expect(speakable('dòng thứ 1')).toBe('dòng thứ nhất');
	});

	it('reads decimals, percentages, ranges and money per month', () => {
		expect(speakable('lãi 2,5%')).toBe('lãi hai phẩy năm phần trăm');
		expect(speakable('0,05')).toBe('không phẩy không năm');
		expect(speakable('8-20 ký tự')).toBe('tám đến hai mươi ký tự');
		expect(speakable('100.000 đ/tháng')).toBe('một trăm nghìn đồng một tháng');
		expect(speakable('50.000 VNĐ')).toBe('năm mươi nghìn đồng');
	});

	it('says English names and acronyms the way Vietnamese listeners do', () => {
		expect(speakable('ứng dụng VNeID')).toBe('ứng dụng vê nê ai đi');
		expect(speakable('ứng dụng VssID')).toBe('ứng dụng vê ét ét ai đi');
		expect(speakable('mã OTP, Smart OTP hoặc passcode')).toBe(
			'mã ô tê pê, xờ mát ô tê pê hoặc pát cốt'
		);
		expect(speakable('Quét QR')).toBe('Quét kiu a');
		expect(speakable('từ CH Play hoặc App Store')).toBe('từ xê hát pờ lây hoặc áp xờ to');
		expect(speakable('bật Wi-Fi, mở Zalo, bấm link')).toBe('bật oai phai, mở da lô, bấm linh');
		expect(speakable('thẻ BHYT, UBND phường')).toBe('thẻ bảo hiểm y tế, uỷ ban nhân dân phường');
		expect(speakable('EVNNPC nhắn tin')).toBe('e vê en en pê xê nhắn tin');
		expect(speakable('KP 3, TP. Hạ Long')).toBe('khu phố ba, thành phố Hạ Long');
	});

	it('says a lesson’s own names as its sayAs says, before the general table', () => {
		const words = { NhaBacAn: 'Nhà Bác An', 'CUC THUE': 'Cục Thuế', 'Shop Ba.Na': 'sốp Ba Na' };
		expect(speakable('Bác chọn dòng NhaBacAn, Wi-Fi nhà mình nhé.', words)).toBe(
			'Bác chọn dòng Nhà Bác An, oai phai nhà mình nhé.'
		);
		expect(speakable('CUC THUE nhắn tin.', words)).toBe('Cục Thuế nhắn tin.');
		// Written as it is, in its case, as a whole word; a dot in a name is only a dot.
		expect(speakable('Cuc Thue, NhaBacAnh, Shop BaxNa', words)).not.toMatch(/Cục|Nhà|Ba Na/);
		expect(speakable('Mua ở Shop Ba.Na nhé', words)).toBe('Mua ở sốp Ba Na nhé');
		// Another lesson's names are not this one's.
		expect(speakable('CUC THUE nhắn tin.')).toBe('xê u xê tê hát u e nhắn tin.');
	});

	it('turns brackets and arrows into pauses', () => {
		expect(speakable('CH Play (Android) hoặc App Store (iPhone).')).toBe(
			'xê hát pờ lây, an đờ roi, hoặc áp xờ to, ai phôn.'
		);
		expect(speakable('Cài đặt → Màn hình')).toBe('Cài đặt, rồi Màn hình');
	});

	it('says printed curly quotes as the straight ones the clips were made with', () => {
		expect(speakable('Bác bấm “Từ chối”.')).toBe(speakable('Bác bấm "Từ chối".'));
	});
});

describe('sentences', () => {
	it('splits on sentence ends and keeps the marks', () => {
		expect(sentences('Bác bấm vào đây. Xong rồi! Tiếp nhé')).toEqual([
			'Bác bấm vào đây.',
			'Xong rồi!',
			'Tiếp nhé'
		]);
	});

	it('does not split after an address abbreviation', () => {
		expect(sentences('Ở TP. Hạ Long. Xong.')).toEqual(['Ở TP. Hạ Long.', 'Xong.']);
	});

	it('does not split inside money', () => {
		expect(sentences('Chuyển 100.000 đ cho chủ quán.')).toEqual(['Chuyển 100.000 đ cho chủ quán.']);
	});
});

describe('foreignWords', () => {
	it('finds the words the voice would read in English', () => {
		expect(foreignWords('Bác mở Shopee, bấm Follow.')).toEqual(['Shopee', 'Follow']);
		expect(foreignWords('Bác chọn dòng NhaBacAn nhé.')).toEqual(['NhaBacAn']);
	});

	it('finds capitals that are a Vietnamese word the voice would spell letter by letter', () => {
		expect(foreignWords('CUC THUE nhắn tin.')).toEqual(['CUC', 'THUE']);
	});

	it('passes Vietnamese, the general table’s words, numbers, codes, acronyms and links', () => {
		expect(foreignWords('Ông bà con cháu tin nhau, nghiêng người xem.')).toEqual([]);
		expect(foreignWords('Mở Zalo, nhập mã OTP, quét QR, bật Wi-Fi, vào app VNeID.')).toEqual([]);
		expect(
			foreignWords('Gọi 0300 000 222 lúc 8h30, mã PA03, EVN nhắn, vào thue-vn.example')
		).toEqual([]);
	});

	it('passes what a lesson’s sayAs says', () => {
		expect(foreignWords('Bác chọn dòng NhaBacAn nhé.', { NhaBacAn: 'Nhà Bác An' })).toEqual([]);
		expect(foreignWords('CUC THUE nhắn tin.', { 'CUC THUE': 'Cục Thuế' })).toEqual([]);
	});
});

describe('SAID_AS', () => {
	it('says each word in Vietnamese syllables', () => {
		for (const [written, said] of SAID_AS) {
			for (const [word] of said.matchAll(/\p{L}+/gu)) {
				expect(isVietnameseSyllable(word), `${written} → ${said}`).toBe(true);
			}
			expect(foreignWords(written), written).toEqual([]);
		}
	});

	it('holds no name that only one lesson uses (a lesson says those in its sayAs)', () => {
		const written = SAID_AS.map(([w]) => w);
		expect(written).not.toContain('CUC THUE');
		expect(written).not.toContain('NhaBacAn');
	});
});
