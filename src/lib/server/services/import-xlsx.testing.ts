import { zip as zipFile } from './zip-file';

/** Test workbooks as wards' spreadsheets save them (no spreadsheet library needed). */

/** A zip of these texts (an OpenDocument's "mimetype" stored first, as LibreOffice does). */
export function zip(files: Record<string, string>): Buffer {
	return zipFile(
		Object.entries(files).map(([name, text]) => ({
			name,
			data: Buffer.from(text, 'utf8'),
			stored: name === 'mimetype'
		}))
	);
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
