/**
 * CSV as spreadsheets write it (RFC 4180: quotes, doubled quotes, line breaks inside
 * quotes). The delimiter is guessed from the first lines, not the first alone: Excel in
 * Vietnamese settings writes ';', a tab-separated "CSV" is common too, and a ward's list often
 * starts with a blank line or a title ("DANH SÁCH HỘ GIA ĐÌNH") that has none.
 */
export function parseCsv(text: string): string[][] {
	const delimiter = guessDelimiter(text);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === delimiter) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/**
 * The delimiter that splits the first 20 lines most alike: the one whose most common count per
 * line (outside quotes) is shared by the most lines. Counting alone misleads: Excel writes
 * "Số 6, ngõ 3, đường Lê Lợi" unquoted in a ';' file, and a line can hold more commas than the
 * list has columns.
 */
function guessDelimiter(text: string): string {
	const lines = text
		.slice(0, 64 * 1024)
		.split(/\r?\n/)
		.slice(0, 20)
		.map((line) => line.replace(/"[^"]*"/g, ''));
	const score = (d: string) => {
		const counts = new Map<number, number>();
		for (const line of lines) {
			const n = line.split(d).length - 1;
			if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
		}
		// Lines alike first, then more columns.
		return Math.max(0, ...[...counts].map(([n, lines]) => lines * 1000 + n));
	};
	return [',', ';', '\t'].reduce((best, d) => (score(d) > score(best) ? d : best));
}
