import { zip } from '../../src/lib/server/services/zip-file';

/**
 * Test files as wards' old software writes them. Windows-1258 keeps the tone marks as
 * combining characters after a base letter (that may itself carry a circumflex or horn).
 */
export function encodeCp1258(text: string): Buffer {
	const decoder = new TextDecoder('windows-1258');
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
	// Cluster each base letter with its marks; fold into the base the one mark cp1258
	// has a precomposed letter for (circumflex, breve, horn), keep the tone as a mark.
	const clusters = text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
	const out: number[] = [];
	for (const cluster of clusters) {
		const [base, ...marks] = [...cluster];
		const fold = marks.findIndex((m) => table.has((base + m).normalize('NFC')));
		const head = fold >= 0 ? (base + marks[fold]).normalize('NFC') : base;
		const rest = marks.filter((_, i) => i !== fold);
		for (const c of [head, ...rest]) {
			if (!table.has(c)) throw new Error(`cannot encode ${c} in cp1258`);
			out.push(table.get(c)!);
		}
	}
	return Buffer.from(out);
}

/** A minimal .xlsx (one sheet, shared strings, deflated) as Excel would save it. */
export function makeXlsx(rows: Array<Array<string | number>>): Buffer {
	const strings: string[] = [];
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const col = (i: number) => String.fromCharCode(65 + i);
	const sheetRows = rows
		.map((r, y) => {
			const cells = r
				.map((v, x) => {
					const ref = `${col(x)}${y + 1}`;
					if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
					strings.push(v);
					return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
				})
				.join('');
			return `<row r="${y + 1}">${cells}</row>`;
		})
		.join('');
	const files: Record<string, string> = {
		'[Content_Types].xml':
			'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
		'xl/workbook.xml':
			'<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
		'xl/_rels/workbook.xml.rels':
			'<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
		'xl/sharedStrings.xml': `<?xml version="1.0"?><sst>${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
		'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet><sheetData>${sheetRows}</sheetData></worksheet>`
	};
	return zip(
		Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') }))
	);
}
