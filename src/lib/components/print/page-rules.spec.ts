import { describe, expect, it } from 'vitest';
import { cssString, groupPageName, listPageRules } from './page-rules';

describe('cssString', () => {
	it('keeps Vietnamese letters, digits and spaces as they are', () => {
		expect(cssString('Khu phố 3')).toBe("'Khu phố 3'");
	});

	it('escapes whatever could end the string, the rule or the <style> element', () => {
		const text = cssString(`Tổ 1'; } </style><script>alert(1)</script> \\ "x"\n`);
		expect(text.slice(1, -1)).not.toMatch(/['"<>{};\\\n](?![0-9a-f]+ )/);
		expect(text).not.toContain('</style');
		expect(text).toContain('\\27 '); // the quote
		expect(text).toContain('\\3c '); // <
	});

	it('writes decomposed diacritics composed (NFC)', () => {
		expect(cssString('Khu phố'.normalize('NFD'))).toBe("'Khu phố'");
	});
});

describe('listPageRules', () => {
	it('numbers the sheets of one list n/N', () => {
		expect(listPageRules(null)).toBe(
			"@page { size: A4; margin: 15mm 12mm; @bottom-center { content: 'Trang ' counter(page) '/' counter(pages); font-size: 10pt; } }"
		);
	});

	it('gives each group a named page whose footer counts that group’s sheets from 1, after the general rule', () => {
		const css = listPageRules([
			{ id: 3, name: 'Khu phố 3' },
			{ id: 12, name: 'Tổ dân phố "Mới"' }
		]);
		expect(groupPageName(3)).toBe('khu-3');
		expect(css).toContain('@page khu-3 { counter-increment: khu-3-sheets;');
		expect(css).toContain(
			"content: 'Khu phố 3 \\b7  Trang ' counter(khu-3-sheets) ' \\b7  tờ ' counter(page) '/' counter(pages);"
		);
		expect(css).toContain('@page khu-12 { counter-increment: khu-12-sheets;');
		expect(css).toContain("'Tổ dân phố \\22 Mới\\22  \\b7  Trang '");
		// Chromium takes a sheet's footer from the last rule that fits it.
		expect(css.indexOf('@page {')).toBe(0);
	});
});
