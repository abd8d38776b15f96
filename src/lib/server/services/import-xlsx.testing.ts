import { crc32 } from 'node:zlib';

/** Test workbooks as wards' spreadsheets save them (no spreadsheet library needed). */

/** A zip of stored (uncompressed) entries: the shape of an .xlsx without Excel. */
export function zip(files: Record<string, string>): Buffer {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const [name, text] of Object.entries(files)) {
		const data = Buffer.from(text, 'utf8');
		const nameBytes = Buffer.from(name);
		const head = Buffer.alloc(30);
		head.writeUInt32LE(0x04034b50, 0);
		head.writeUInt32LE(crc32(data), 14);
		head.writeUInt32LE(data.length, 18);
		head.writeUInt32LE(data.length, 22);
		head.writeUInt16LE(nameBytes.length, 26);
		const dir = Buffer.alloc(46);
		dir.writeUInt32LE(0x02014b50, 0);
		dir.writeUInt32LE(crc32(data), 16);
		dir.writeUInt32LE(data.length, 20);
		dir.writeUInt32LE(data.length, 24);
		dir.writeUInt16LE(nameBytes.length, 28);
		dir.writeUInt32LE(offset, 42);
		locals.push(head, nameBytes, data);
		central.push(dir, nameBytes);
		offset += head.length + nameBytes.length + data.length;
	}
	const dir = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(central.length / 2, 8);
	end.writeUInt16LE(central.length / 2, 10);
	end.writeUInt32LE(dir.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook of sheets given as their <sheetData> (and what follows it), inline strings. */
export function workbook(sheets: Record<string, string>, styles = '') {
	const names = Object.keys(sheets);
	return zip({
		'xl/workbook.xml': `<workbook ${NS}><sheets>${names
			.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
			.join('')}</sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `<Relationships>${names
			.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`)
			.join('')}</Relationships>`,
		'xl/styles.xml': styles,
		...Object.fromEntries(
			names.map((n, i) => [
				`xl/worksheets/sheet${i + 1}.xml`,
				`<worksheet>${sheets[n]}</worksheet>`
			])
		)
	});
}

export const text = (ref: string, t: string) =>
	`<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

/**
 * An OpenDocument spreadsheet (.ods) as LibreOffice saves one: the mimetype entry first, then
 * content.xml holding each sheet's <table:table-row>s.
 */
export function odsWorkbook(sheets: Record<string, string>): Buffer {
	const tables = Object.entries(sheets)
		.map(([name, rows]) => `<table:table table:name="${name}">${rows}</table:table>`)
		.join('');
	return zip({
		mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
		'content.xml': `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`
	});
}

/** An .ods text cell (`attributes` e.g. for a merge: table:number-rows-spanned="2"). */
export const odsText = (t: string, attributes = '') =>
	`<table:table-cell office:value-type="string" ${attributes}><text:p>${t}</text:p></table:table-cell>`;
