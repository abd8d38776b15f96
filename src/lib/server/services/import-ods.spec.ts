import { describe, expect, it } from 'vitest';
import { readOdsSheets } from './import-ods';
import { odsText, odsWorkbook } from './import-xlsx.testing';

const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
const empty = '<table:table-cell/>';

describe('an .ods list, as LibreOffice saves it', () => {
	it('reads each sheet: numbers by value, dates as dd/mm/yyyy, merges filled, repeats written out, the used range dropped', () => {
		const sheets = readOdsSheets(
			odsWorkbook({
				'Hướng dẫn': row(odsText('Điền mỗi người một dòng')),
				KP3: [
					row(odsText('DANH SÁCH KHU PHỐ 3', 'table:number-columns-spanned="4"')),
					// Two blank rows, written once.
					'<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
					row(odsText('Họ và tên'), odsText('Ngày sinh'), odsText('Địa chỉ'), odsText('SĐT')),
					row(
						odsText('Lý<text:s text:c="2"/>Văn Ods'),
						'<table:table-cell office:value-type="date" office:date-value="1952-05-01"><text:p>01/05/52</text:p></table:table-cell>',
						odsText('Số 9 ngõ 9 &amp; 10', 'table:number-rows-spanned="2"'),
						'<table:table-cell office:value-type="float" office:value="912345678"><text:p>912345678</text:p></table:table-cell>'
					),
					row(
						odsText('Lý Thị Ods'),
						'<table:table-cell office:value-type="float" office:value="1955"><text:p>1.955</text:p></table:table-cell>',
						'<table:covered-table-cell/>',
						empty
					),
					// LibreOffice's used range to the last row, and a column run to the last column.
					'<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
				].join('')
			})
		);
		expect(sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'KP3']);
		expect(sheets[1].rows).toEqual([
			['DANH SÁCH KHU PHỐ 3', 'DANH SÁCH KHU PHỐ 3', 'DANH SÁCH KHU PHỐ 3', 'DANH SÁCH KHU PHỐ 3'],
			[],
			[],
			['Họ và tên', 'Ngày sinh', 'Địa chỉ', 'SĐT'],
			['Lý  Văn Ods', '01/05/1952', 'Số 9 ngõ 9 & 10', '912345678'],
			['Lý Thị Ods', '1955', 'Số 9 ngõ 9 & 10']
		]);
	});

	it('refuses a zip that is not a spreadsheet', () => {
		expect(() => readOdsSheets(odsWorkbook({}))).toThrow('no sheet');
	});
});
