import { describe, expect, it } from 'vitest';
import { encodeCp1258, makeXlsx } from '../../../../tests/checkin/encode';
import { parseCsv } from './import-csv';
import { decodeText, encodeTcvn3 } from './import-decode';
import { readXlsx } from './import-xlsx';
import { toVni } from './vni';

const LINE = 'Họ và tên,Năm sinh\nNguyễn Thị Hường,1948\nĐặng Quốc Việt,1952\n';

describe('decodeText', () => {
	it('reads UTF-8 with and without a BOM', () => {
		const plain = Buffer.from(LINE, 'utf8');
		expect(decodeText(plain)).toEqual({ text: LINE, encoding: 'utf-8' });
		const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
		expect(decodeText(bom).text).toBe(LINE);
	});

	it('reads UTF-16 with a BOM and without one', () => {
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LINE, 'utf16le')]);
		expect(decodeText(le)).toEqual({ text: LINE, encoding: 'utf-16le' });
		expect(decodeText(Buffer.from(LINE, 'utf16le')).text).toBe(LINE);
	});

	it('normalises decomposed diacritics to NFC', () => {
		const nfd = Buffer.from(LINE.normalize('NFD'), 'utf8');
		const { text } = decodeText(nfd);
		expect(text).toBe(LINE);
		expect(text).toBe(text.normalize('NFC'));
	});

	it('recognises Windows-1258 (combining tone marks) and TCVN3', () => {
		const cp = decodeText(encodeCp1258(LINE));
		expect(cp).toEqual({ text: LINE, encoding: 'windows-1258' });
		const abc = decodeText(encodeTcvn3(LINE.toLowerCase()));
		expect(abc.encoding).toBe('tcvn3');
		expect(abc.text).toBe(LINE.toLowerCase());
	});

	it('recognises VNI Windows (marks after their letters, no byte in 0xA1–0xBF)', () => {
		const vni = decodeText(Buffer.from(toVni(LINE), 'latin1'));
		expect(vni).toEqual({ text: LINE, encoding: 'vni' });
		// Chosen by hand, a Windows-1258 file reads as one still.
		expect(decodeText(encodeCp1258(LINE), 'windows-1258').text).toBe(LINE);
	});
});

describe('parseCsv', () => {
	it('handles quotes, doubled quotes, CRLF and semicolons', () => {
		expect(parseCsv('a;b\r\n"Số 5; tổ 3";"nói ""chào"""\r\n')).toEqual([
			['a', 'b'],
			['Số 5; tổ 3', 'nói "chào"']
		]);
		expect(parseCsv('x,y\n"dòng\nhai",2')).toEqual([
			['x', 'y'],
			['dòng\nhai', '2']
		]);
	});
});

describe('readXlsx', () => {
	it('reads shared strings and numbers from a deflated sheet', () => {
		const rows = readXlsx(
			makeXlsx([
				['Họ và tên', 'Năm sinh'],
				['Trịnh Văn Bô & con', 1950]
			])
		);
		expect(rows).toEqual([
			['Họ và tên', 'Năm sinh'],
			['Trịnh Văn Bô & con', '1950']
		]);
	});

	it('refuses something that is not a zip', () => {
		expect(() => readXlsx(Buffer.from('PK not really'))).toThrow();
	});
});
