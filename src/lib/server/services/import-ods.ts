import { MAX_COLUMNS, unescapeXml, unzip, type Sheet } from './import-xlsx';

/**
 * Reads every sheet of an OpenDocument spreadsheet (.ods, LibreOffice's own format, which some
 * ward offices save in) into rows of strings, as import-xlsx.ts does for .xlsx. All sheets are
 * in one part, content.xml:
 *
 *   <table:table table:name="KP3">
 *     <table:table-row table:number-rows-repeated="2">   (blank rows, written once)
 *       <table:table-cell office:value-type="float" office:value="912345678">…
 *       <table:table-cell table:number-rows-spanned="3">  (merged; the covered cells are
 *       <table:covered-table-cell/>                        covered-table-cell)
 *
 * A number is its value (a phone kept as 912345678 then gets its 0 back like an .xlsx one), a
 * date its day as dd/mm/yyyy, anything else the text shown. Repeats are written out only up
 * to the last row and column with text: a sheet "used" to row 1,048,576 is a few rows here.
 */
export function readOdsSheets(bytes: Uint8Array): Sheet[] {
	const content = unzip(Buffer.from(bytes)).get('content.xml');
	if (content === undefined) throw new Error('no content.xml');
	const sheets = [...content.matchAll(/<table:table\b([^>]*)>([\s\S]*?)<\/table:table>/g)].map(
		(m, i) => ({
			name: unescapeXml(/\btable:name="([^"]*)"/.exec(m[1])?.[1] ?? `Sheet${i + 1}`),
			rows: readTable(m[2])
		})
	);
	if (sheets.length === 0) throw new Error('no sheet');
	return sheets;
}

/** A row of text repeated more than this is a mistake, not a list; the rest is left out. */
const MAX_REPEATED_ROWS = 1000;

const attribute = (attributes: string, name: string) =>
	new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

const repeat = (attributes: string, name: string) =>
	Math.max(1, Number(attribute(attributes, name) ?? 1) || 1);

function readTable(xml: string): string[][] {
	const rows: string[][] = [];
	const spans: Array<{ row: number; column: number; rows: number; columns: number }> = [];
	let rowAt = 0;
	const rowPattern = /<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
	for (const row of xml.matchAll(rowPattern)) {
		const times = repeat(row[1], 'table:number-rows-repeated');
		const cells = readRow(row[2] ?? '', rowAt, spans);
		if (cells.length > 0) {
			// A row with text, repeated, is the same row again (rare: filled down by hand).
			for (let i = 0; i < Math.min(times, MAX_REPEATED_ROWS); i++) rows[rowAt + i] = [...cells];
		}
		rowAt += times;
	}
	for (let r = 0; r < rows.length; r++) rows[r] ??= [];
	// A merged cell's text in every cell it covers, as for .xlsx (a household's address).
	for (const span of spans) {
		const value = rows[span.row]?.[span.column];
		if (!value) continue;
		for (let r = span.row; r < Math.min(span.row + span.rows, rows.length); r++) {
			for (let c = span.column; c < Math.min(span.column + span.columns, MAX_COLUMNS); c++) {
				const cells = rows[r];
				while (cells.length < c) cells.push('');
				if (!cells[c]) cells[c] = value;
			}
		}
	}
	return rows;
}

function readRow(
	xml: string,
	rowAt: number,
	spans: Array<{ row: number; column: number; rows: number; columns: number }>
): string[] {
	const cells: string[] = [];
	let column = 0;
	const cellPattern =
		/<table:(table-cell|covered-table-cell)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:\1>)/g;
	for (const cell of xml.matchAll(cellPattern)) {
		if (column >= MAX_COLUMNS) break;
		const times = repeat(cell[2], 'table:number-columns-repeated');
		const value = cell[1] === 'table-cell' ? valueOf(cell[2], cell[3] ?? '') : '';
		if (value !== '') {
			for (let i = 0; i < times && column + i < MAX_COLUMNS; i++) {
				while (cells.length < column + i) cells.push('');
				cells[column + i] = value;
			}
			const rowsSpanned = repeat(cell[2], 'table:number-rows-spanned');
			const columnsSpanned = repeat(cell[2], 'table:number-columns-spanned');
			if (rowsSpanned > 1 || columnsSpanned > 1) {
				spans.push({ row: rowAt, column, rows: rowsSpanned, columns: columnsSpanned });
			}
		}
		column += times;
	}
	return cells;
}

function valueOf(attributes: string, inner: string): string {
	const type = attribute(attributes, 'office:value-type');
	const date = type === 'date' ? attribute(attributes, 'office:date-value') : undefined;
	const day = date && /^(\d{4})-(\d\d)-(\d\d)/.exec(date);
	if (day) return `${day[3]}/${day[2]}/${day[1]}`;
	const number = type === 'float' ? attribute(attributes, 'office:value') : undefined;
	if (number !== undefined) return number;
	// The text shown: each paragraph a line; <text:s text:c="3"/> is three spaces.
	return [...inner.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)]
		.map((p) =>
			unescapeXml(
				(p[1] ?? '')
					.replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_, n: string) =>
						' '.repeat(Math.min(Number(n), 100))
					)
					.replace(/<text:s\b[^>]*\/>/g, ' ')
					.replace(/<text:tab\b[^>]*\/>/g, '\t')
					.replace(/<text:line-break\b[^>]*\/>/g, '\n')
					.replace(/<[^>]+>/g, '')
			)
		)
		.join('\n');
}
