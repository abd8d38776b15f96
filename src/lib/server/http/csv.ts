/**
 * CSV that is safe to open in Excel or LibreOffice. A cell that begins with = + - @ or a tab
 * or carriage return would be read as a formula (`=HYPERLINK("http://…","Bấm vào đây")`), so
 * it gets a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text with formula starts neutralised (also for XLSX writers: same rule). */
export function neutraliseCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const text = value.normalize('NFC');
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
	return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A whole CSV file: UTF-8 with a BOM so Excel reads Vietnamese correctly, CRLF lines. */
export function csvDocument(
	header: string[],
	rows: Array<Array<string | number | null | undefined>>
): string {
	const lines = [header, ...rows].map((row) => row.map((c) => quote(neutraliseCell(c))).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
