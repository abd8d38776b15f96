import { crc32, deflateRawSync } from 'node:zlib';
import { formatDay } from '../../domain/time';
import { dailyReportRows, type DailyReport } from './reports';

/**
 * The daily report as files. Both are rendered from `dailyReportRows`, like the printed
 * page, so every figure agrees.
 */

/** `{ ratio }` is a percentage: a number with a percent format in the XLSX. */
type Cell = string | number | { ratio: number };

/** The CSV keeps a percentage as its text ("37,0%"); the XLSX as the number 0.37. */
function sheetOf(report: DailyReport, percents: 'text' | 'number'): Cell[][] {
	return [
		['BÁO CÁO NGÀY – BÌNH DÂN HỌC VỤ SỐ'],
		['Đơn vị', `${report.ward} – ${report.scopeName}`],
		['Ngày', formatDay(report.date)],
		[],
		['Mục', 'Nội dung', 'Số liệu'],
		...dailyReportRows(report).map((r) => [
			r.section,
			r.label,
			percents === 'number' && r.ratio !== undefined ? { ratio: r.ratio } : r.value
		])
	];
}

/**
 * A cell that a spreadsheet would read as a formula (= + - @, or a tab/CR that some
 * programs strip first) gets a leading apostrophe: it shows as text and never runs.
 */
export function neutraliseCell(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell): string {
	if (typeof cell === 'number') return String(cell);
	if (typeof cell === 'object') return String(cell.ratio);
	const safe = neutraliseCell(cell);
	return /[",\n\r]/.test(safe) || safe !== cell ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM (so Excel shows Vietnamese), comma-separated, CRLF (RFC 4180). */
export function dailyReportCsv(report: DailyReport): string {
	return (
		'\ufeff' +
		sheetOf(report, 'text')
			.map((row) => row.map(csvCell).join(','))
			.join('\r\n') +
		'\r\n'
	);
}

// --- XLSX ----------------------------------------------------------------------------
// A minimal Office Open XML workbook: five small XML parts in a zip. Inline strings (no
// shared-string table) and one bold style keep it short; Excel, LibreOffice and Google
// Sheets open it. A 150-line writer of our own beats a multi-megabyte dependency for one
// sheet of label/number rows. Styles: 0 plain, 1 bold, 2 a percentage with one decimal.

const xmlEscape = (s: string) =>
	s
		// Characters XML 1.0 cannot hold at all are dropped rather than breaking the file.
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');

function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	}
	return name;
}

function sheetXml(rows: Cell[][], boldRows: Set<number>): string {
	const body = rows
		.map((row, r) => {
			const style = boldRows.has(r) ? ' s="1"' : '';
			const cells = row
				.map((cell, c) => {
					const ref = `${columnName(c)}${r + 1}`;
					if (typeof cell === 'number') return `<c r="${ref}"${style}><v>${cell}</v></c>`;
					if (typeof cell === 'object') return `<c r="${ref}" s="2"><v>${cell.ratio}</v></c>`;
					return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlEscape(cell)}</t></is></c>`;
				})
				.join('');
			return `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
		'<cols><col min="1" max="1" width="38" customWidth="1"/><col min="2" max="2" width="70" customWidth="1"/><col min="3" max="3" width="14" customWidth="1"/></cols>' +
		`<sheetData>${body}</sheetData></worksheet>`
	);
}

const PARTS = {
	'[Content_Types].xml':
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
	'_rels/.rels':
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
	'xl/workbook.xml':
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Báo cáo ngày" sheetId="1" r:id="rId1"/></sheets></workbook>',
	'xl/_rels/workbook.xml.rels':
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
	'xl/styles.xml':
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
};

/** A zip of deflated entries with a fixed timestamp (the same report gives the same bytes). */
export function zip(files: Array<{ name: string; data: Buffer }>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
	for (const file of files) {
		const name = Buffer.from(file.name, 'utf8');
		const packed = deflateRawSync(file.data);
		const crc = crc32(file.data);
		const head = Buffer.alloc(30);
		head.writeUInt32LE(0x04034b50, 0);
		head.writeUInt16LE(20, 4);
		head.writeUInt16LE(0x0800, 6); // names are UTF-8
		head.writeUInt16LE(8, 8); // deflate
		head.writeUInt16LE(0, 10);
		head.writeUInt16LE(DOS_DATE, 12);
		head.writeUInt32LE(crc, 14);
		head.writeUInt32LE(packed.length, 18);
		head.writeUInt32LE(file.data.length, 22);
		head.writeUInt16LE(name.length, 26);
		head.writeUInt16LE(0, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(8, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(DOS_DATE, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(packed.length, 20);
		central.writeUInt32LE(file.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(head, name, packed);
		centrals.push(central, name);
		offset += head.length + name.length + packed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

export function dailyReportXlsx(report: DailyReport): Buffer {
	const rows = sheetOf(report, 'number');
	const sheet = sheetXml(rows, new Set([0, 4]));
	return zip([
		...Object.entries(PARTS).map(([name, xml]) => ({ name, data: Buffer.from(xml, 'utf8') })),
		{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet, 'utf8') }
	]);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
