import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, neutraliseCell } from './csv';

describe('CSV cells', () => {
	it('never start with a formula character, whatever the text', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(neutraliseCell(text)).not.toMatch(/^[=+\-@\t\r]/);
			})
		);
	});

	it('show =HYPERLINK(…) as text and keep ordinary Vietnamese as it is', () => {
		expect(neutraliseCell('=HYPERLINK("http://evil.example","Bấm")')).toBe(
			`'=HYPERLINK("http://evil.example","Bấm")`
		);
		expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutraliseCell('Nguyễn Văn An')).toBe('Nguyễn Văn An');
		expect(neutraliseCell(-5)).toBe('-5');
	});

	it('quote commas, quotes and line breaks so each row keeps its columns', () => {
		const csv = csvDocument(['Tên', 'Ghi chú'], [['Lê, Thị "Hoa"', 'dòng 1\ndòng 2']]);
		expect(csv).toBe('\uFEFFTên,Ghi chú\r\n"Lê, Thị ""Hoa""","dòng 1\ndòng 2"\r\n');
	});
});
