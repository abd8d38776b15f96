import { describe, expect, it } from 'vitest';
import { readXlsx, readXlsxSheets } from './import-xlsx';
import { text, workbook } from './import-xlsx.testing';

describe('readXlsx as wards save their lists', () => {
	it('gives a merged cell’s text to every cell it covers (a household’s address)', () => {
		const rows = readXlsx(
			workbook({
				DS: `<sheetData><row r="1">${text('A1', 'Họ và tên')}${text('B1', 'Địa chỉ')}</row>
				<row r="2">${text('A2', 'Đỗ Văn Gộp')}${text('B2', 'Số 9 ngõ Gộp')}</row>
				<row r="3">${text('A3', 'Đỗ Thị Gộp')}<c r="B3" s="1"/></row>
				<row r="4">${text('A4', 'Đỗ Văn Con')}</row></sheetData>
				<mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells>`
			})
		);
		expect(rows.map((r) => r[1])).toEqual([
			'Địa chỉ',
			'Số 9 ngõ Gộp',
			'Số 9 ngõ Gộp',
			'Số 9 ngõ Gộp'
		]);
	});

	it('reads a birth date kept as an Excel day number as the day it shows', () => {
		const styles =
			'<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>' +
			'<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/></cellXfs></styleSheet>';
		const rows = readXlsx(
			workbook(
				{
					DS: `<sheetData><row r="1"><c r="A1" s="1"><v>19115</v></c><c r="B1" s="2"><v>19115</v></c><c r="C1"><v>1952</v></c><c r="D1" s="1"><v>20</v></c></row></sheetData>`
				},
				styles
			)
		);
		// 19115 is 1 May 1952; a plain number stays a number; day 20 is before Excel's 29/02/1900.
		expect(rows).toEqual([['01/05/1952', '01/05/1952', '1952', '20/01/1900']]);
	});

	it('drops the empty rows of a used range that reaches row 1,048,576', () => {
		const rows = readXlsx(
			workbook({
				DS: `<dimension ref="A1:XFD1048576"/><sheetData><row r="1">${text('A1', 'Họ và tên')}</row>
				<row r="3">${text('A3', 'Mai Văn Dài')}</row>
				<row r="1048576" spans="1:16384"><c r="XFD1048576" s="0"/><c r="A1048576" s="3"/></row></sheetData>`
			})
		);
		expect(rows).toEqual([['Họ và tên'], [], ['Mai Văn Dài']]);
	});

	it('reads every sheet, by the names on its tabs', () => {
		const sheets = readXlsxSheets(
			workbook({
				'Hướng dẫn': `<sheetData><row r="1">${text('A1', 'Điền ở trang sau')}</row></sheetData>`,
				KP3: `<sheetData><row r="1">${text('A1', 'Họ và tên')}</row></sheetData>`
			})
		);
		expect(sheets).toEqual([
			{ name: 'Hướng dẫn', rows: [['Điền ở trang sau']] },
			{ name: 'KP3', rows: [['Họ và tên']] }
		]);
	});
});
