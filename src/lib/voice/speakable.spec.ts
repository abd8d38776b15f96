import { describe, expect, it } from 'vitest';
import { numberToWords, sentences, speakable } from './speakable.js';

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

	it('reads phone numbers and codes digit by digit, and hides links', () => {
		expect(speakable('0912 000 111')).toBe('không chín một hai không không không một một một');
		expect(speakable('mã PA03')).toBe('mã PA không ba');
		expect(speakable('tại vneid-capnhat.example ngay')).toBe('tại một đường link ngay');
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

	it('does not split inside money', () => {
		expect(sentences('Chuyển 100.000 đ cho chủ quán.')).toEqual(['Chuyển 100.000 đ cho chủ quán.']);
	});
});
