import { inflateRawSync } from 'node:zlib';

/** One worksheet: its name as the tab shows it, and its rows of text. */
export interface Sheet {
	name: string;
	rows: string[][];
}

/**
 * Reads every worksheet of an .xlsx file into rows of strings, as a person sees them. An .xlsx
 * is a zip of XML files; node:zlib inflates, and the few XML shapes Excel and LibreOffice write
 * are read with patterns — enough for a list of names, without a 1 MB spreadsheet library.
 *
 * What a ward's sheet holds that its XML does not say plainly: a merged cell (an address for
 * the whole household, one cell down four rows) gives its text to every cell it covers; a date
 * (a birth date typed as 01/05/1952) is a day count with a date style, read back as dd/mm/yyyy;
 * rows past the last one with text (Excel's used range can reach row 1,048,576) are dropped.
 */
export function readXlsxSheets(bytes: Uint8Array): Sheet[] {
	const files = unzip(Buffer.from(bytes));
	const shared = files.get('xl/sharedStrings.xml');
	const strings = shared
		? [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]))
		: [];
	const dateStyles = dateStylesOf(files.get('xl/styles.xml') ?? '');
	const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(files.get('xl/workbook.xml') ?? '');
	const sheets = sheetPaths(files)
		.map(({ name, path }) => {
			const xml = files.get(path);
			return xml === undefined
				? undefined
				: { name, rows: readSheet(xml, strings, dateStyles, date1904) };
		})
		.filter((s): s is Sheet => s !== undefined);
	if (sheets.length === 0) throw new Error('no worksheet');
	return sheets;
}

/** The first worksheet's rows (see readXlsxSheets). */
export function readXlsx(bytes: Uint8Array): string[][] {
	return readXlsxSheets(bytes)[0].rows;
}

/** No ward's list is wider than this; a merge or a used range to column XFD is cut here. */
export const MAX_COLUMNS = 100;

function readSheet(
	sheet: string,
	strings: string[],
	dateStyles: Set<number>,
	date1904: boolean
): string[][] {
	const rows: string[][] = [];
	for (const rowMatch of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
		const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[0])?.[1] ?? rows.length + 1);
		const cells: string[] = [];
		for (const cell of (rowMatch[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const ref = /\br="([A-Z]+)\d+"/.exec(cell[1])?.[1];
			const column = ref ? columnIndex(ref) : cells.length;
			if (column >= MAX_COLUMNS) continue;
			const type = /\bt="(\w+)"/.exec(cell[1])?.[1];
			const style = Number(/\bs="(\d+)"/.exec(cell[1])?.[1] ?? 0);
			const inner = cell[2] ?? '';
			const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
			let value = '';
			if (type === 's' && raw !== undefined) value = strings[Number(raw)] ?? '';
			else if (type === 'inlineStr') value = textOf(inner);
			else if (raw !== undefined && (type === undefined || type === 'n') && dateStyles.has(style))
				value = dayOf(Number(raw), date1904) ?? unescapeXml(raw);
			else if (raw !== undefined) value = unescapeXml(raw);
			if (value === '') continue;
			while (cells.length < column) cells.push('');
			cells[column] = value;
		}
		if (cells.length === 0) continue;
		while (rows.length < rowNumber - 1) rows.push([]);
		rows[rowNumber - 1] = cells;
	}
	fillMerged(sheet, rows);
	return rows;
}

/**
 * A merged range's text in every cell it covers: Excel keeps it only in the top-left one, and a
 * household's address merged down its members' rows would leave all but the first without one.
 */
function fillMerged(sheet: string, rows: string[][]) {
	for (const m of sheet.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
		const [c1, r1, c2, r2] = [
			columnIndex(m[1]),
			Number(m[2]) - 1,
			columnIndex(m[3]),
			Number(m[4]) - 1
		];
		const value = rows[r1]?.[c1];
		if (!value) continue;
		for (let r = r1; r <= Math.min(r2, rows.length - 1); r++) {
			for (let c = c1; c <= Math.min(c2, MAX_COLUMNS - 1); c++) {
				const row = (rows[r] ??= []);
				while (row.length < c) row.push('');
				if (!row[c]) row[c] = value;
			}
		}
	}
}

/** Excel's built-in number formats that show a date (14–22, and the East Asian 27–36, 45–58). */
const BUILT_IN_DATES = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
	52, 53, 54, 55, 56, 57, 58
]);

/** The cell styles (indexes into cellXfs) whose number format shows a date. */
function dateStylesOf(styles: string): Set<number> {
	const custom = new Map<number, string>();
	for (const m of styles.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g))
		custom.set(Number(m[1]), unescapeXml(m[2]));
	const isDate = (id: number) => {
		if (BUILT_IN_DATES.has(id)) return true;
		const code = custom.get(id);
		// A date format has day, month or year letters outside quotes, brackets and escapes.
		return code !== undefined && /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
	};
	const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
	const dates = new Set<number>();
	[...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>)/g)].forEach((xf, i) => {
		if (isDate(Number(/\bnumFmtId="(\d+)"/.exec(xf[0])?.[1] ?? 0))) dates.add(i);
	});
	return dates;
}

/** An Excel day number as the day it shows, dd/mm/yyyy (undefined when it is not a day). */
function dayOf(serial: number, date1904: boolean): string | undefined {
	if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
	// Day 0 is 1899-12-30 once Excel's made-up 29 February 1900 (day 60) is behind.
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 60 ? 31 : 30);
	const day = new Date(epoch + Math.floor(serial) * 86_400_000);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/** Each worksheet's name and part, in the order of the workbook's tabs. */
function sheetPaths(files: Map<string, string>): Array<{ name: string; path: string }> {
	const workbook = files.get('xl/workbook.xml') ?? '';
	const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
	const found = [...workbook.matchAll(/<sheet\b[^>]*?\/?>/g)].map((m, i) => {
		const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? `Sheet${i + 1}`);
		const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
		const target = rid
			? (new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
				new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1])
			: undefined;
		const path = !target
			? `xl/worksheets/sheet${i + 1}.xml`
			: target.startsWith('/')
				? target.slice(1)
				: `xl/${target}`;
		return { name, path };
	});
	return found.length > 0 ? found : [{ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml' }];
}

const columnIndex = (letters: string) =>
	[...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The text of a rich or plain string item: every <t>, joined. */
const textOf = (xml: string) =>
	[...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');

export function unescapeXml(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
		if (e[0] === '#') {
			return String.fromCodePoint(
				e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
			);
		}
		return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
	});
}

/** A zip bomb stops here: no sheet of a ward's list is near this. */
const MAX_XML = 64 * 1024 * 1024;

/** The zip's central directory → name → text (only stored and deflated entries). */
export function unzip(buf: Buffer): Map<string, string> {
	const files = new Map<string, string>();
	let end = buf.length - 22;
	while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
	if (end < 0) throw new Error('not a zip file');
	const count = buf.readUInt16LE(end + 10);
	let at = buf.readUInt32LE(end + 16);
	for (let i = 0; i < count; i++) {
		if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged zip directory');
		const method = buf.readUInt16LE(at + 10);
		const size = buf.readUInt32LE(at + 20);
		const nameLength = buf.readUInt16LE(at + 28);
		const extra = buf.readUInt16LE(at + 30);
		const comment = buf.readUInt16LE(at + 32);
		const local = buf.readUInt32LE(at + 42);
		const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
		at += 46 + nameLength + extra + comment;
		if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
		const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		const data = buf.subarray(dataAt, dataAt + size);
		if (method === 0) files.set(name, data.toString('utf8'));
		else if (method === 8)
			files.set(name, inflateRawSync(data, { maxOutputLength: MAX_XML }).toString('utf8'));
	}
	return files;
}
