import { inflateRawSync } from 'node:zlib';

/**
 * Reads the first worksheet of an .xlsx file into rows of strings. An .xlsx is a zip of XML
 * files; node:zlib inflates, and the few XML shapes Excel and LibreOffice write are read
 * with patterns — enough for a list of names, without a 1 MB spreadsheet library.
 */
export function readXlsx(bytes: Uint8Array): string[][] {
	const files = unzip(Buffer.from(bytes));
	const shared = files.get('xl/sharedStrings.xml');
	const strings = shared
		? [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]))
		: [];
	const sheetPath = firstSheetPath(files);
	const sheet = files.get(sheetPath);
	if (!sheet) throw new Error('no worksheet');
	const rows: string[][] = [];
	for (const rowMatch of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
		const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[0])?.[1] ?? rows.length + 1);
		const cells: string[] = [];
		for (const cell of (rowMatch[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const ref = /\br="([A-Z]+)\d+"/.exec(cell[1])?.[1];
			const column = ref ? columnIndex(ref) : cells.length;
			const type = /\bt="(\w+)"/.exec(cell[1])?.[1];
			const inner = cell[2] ?? '';
			const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
			let value = '';
			if (type === 's' && raw !== undefined) value = strings[Number(raw)] ?? '';
			else if (type === 'inlineStr') value = textOf(inner);
			else if (raw !== undefined) value = unescapeXml(raw);
			while (cells.length < column) cells.push('');
			cells[column] = value;
		}
		while (rows.length < rowNumber - 1) rows.push([]);
		rows.push(cells);
	}
	return rows;
}

function firstSheetPath(files: Map<string, string>): string {
	const workbook = files.get('xl/workbook.xml') ?? '';
	const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
	const rid = /<sheet\b[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
	const target = rid
		? (new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
			new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1])
		: undefined;
	if (!target) return 'xl/worksheets/sheet1.xml';
	return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const columnIndex = (letters: string) =>
	[...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The text of a rich or plain string item: every <t>, joined. */
const textOf = (xml: string) =>
	[...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');

function unescapeXml(text: string): string {
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
function unzip(buf: Buffer): Map<string, string> {
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
