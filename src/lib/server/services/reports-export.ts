import { gapToTarget, targetDueNext } from '../../domain/coverage';
import { formatTargetPercent, NO_DATA } from '../../domain/format';
import { formatDay } from '../../domain/time';
import { dailyReportRows, shareCut, type DailyReport } from './reports';
import { zip } from './zip-file';

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

type Figures = Record<
	'attendees' | 'adults' | 'skilled' | 'households' | 'covered' | 'reached',
	number
>;

/**
 * The officer's comparison of the khu phố, as the dashboard shows it, for the whole ward's
 * XLSX: a row for each khu phố, then "Toàn phường" (sums; its shares from the sums). "Còn
 * thiếu" is what each lacks for the ward's target due next, rounded up a khu phố at a time.
 */
export function comparisonSheet(report: DailyReport, attendees: Map<number, number>): Cell[][] {
	const c = report.coverage;
	const goals = [
		targetDueNext(c.targets, 'adults_skilled'),
		targetDueNext(c.targets, 'households_covered')
	];
	const gapHeading = (i: number, unit: string) => {
		const goal = goals[i];
		return goal
			? [
					`Còn thiếu (${unit}) để đạt ${formatTargetPercent(goal.percent)}, hạn ${formatDay(goal.deadline)}`
				]
			: [];
	};
	const share = (part: number, total: number): Cell =>
		total > 0 ? { ratio: shareCut(part, total) } : NO_DATA;
	const gap = (i: number, total: number, have: number): Cell[] => {
		const goal = goals[i];
		if (!goal) return [];
		if (total === 0) return [NO_DATA];
		const n = gapToTarget(total, have, goal.percent);
		return [n > 0 ? n : 'Đã đạt'];
	};
	const line = (name: string, f: Figures): Cell[] => [
		name,
		f.attendees,
		f.adults,
		f.skilled,
		share(f.skilled, f.adults),
		...gap(0, f.adults, f.skilled),
		f.households,
		f.covered,
		share(f.covered, f.households),
		...gap(1, f.households, f.covered),
		f.reached
	];
	const rows = c.byNeighborhood.map((n) => ({
		name: n.name,
		attendees: attendees.get(n.id) ?? 0,
		adults: n.adults.total,
		skilled: n.adults.skilled,
		households: n.households.total,
		covered: n.households.covered,
		reached: n.reached.households
	}));
	const sum = (k: keyof Figures) => rows.reduce((a, r) => a + r[k], 0);
	const total: Figures = {
		attendees: sum('attendees'),
		adults: sum('adults'),
		skilled: sum('skilled'),
		households: sum('households'),
		covered: sum('covered'),
		reached: sum('reached')
	};
	return [
		['SO SÁNH CÁC KHU PHỐ – BÌNH DÂN HỌC VỤ SỐ'],
		['Đơn vị', `${report.ward} – ${report.scopeName}`],
		['Ngày', formatDay(report.date)],
		[],
		[
			'Khu phố',
			`Dự học ngày ${formatDay(report.date)}`,
			'Người trưởng thành',
			'Có kỹ năng số cơ bản',
			'Tỷ lệ người trưởng thành có kỹ năng số',
			...gapHeading(0, 'người'),
			'Số hộ',
			'Hộ được phủ',
			'Tỷ lệ hộ được phủ',
			...gapHeading(1, 'hộ'),
			'Hộ đã tiếp cận'
		],
		...rows.map((r) => line(r.name, r)),
		line('Toàn phường', total),
		[],
		[
			'Mỗi khu phố làm tròn lên số còn thiếu, nên cộng các khu phố có thể hơn dòng Toàn phường một ít.'
		]
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

const REPORT_WIDTHS = [38, 70, 14];
const COMPARE_WIDTHS = [16, 14, 14, 14, 16, 22, 10, 12, 14, 22, 14];

/**
 * Cell styles (STYLES' cellXfs): 1 bold, 2 a share (0.0%), 3 a column heading (bold, wrapped:
 * "Tỷ lệ người trưởng thành có kỹ năng số" in a column 16 wide was cut off by its neighbour),
 * 4 a share in a bold row (the "Toàn phường" sums).
 */
function sheetXml(
	rows: Cell[][],
	rowsOf: { bold: Set<number>; headings?: Set<number> },
	widths: number[]
): string {
	const body = rows
		.map((row, r) => {
			const bold = rowsOf.bold.has(r);
			const style = rowsOf.headings?.has(r) ? ' s="3"' : bold ? ' s="1"' : '';
			const cells = row
				.map((cell, c) => {
					const ref = `${columnName(c)}${r + 1}`;
					if (typeof cell === 'number') return `<c r="${ref}"${style}><v>${cell}</v></c>`;
					if (typeof cell === 'object')
						return `<c r="${ref}" s="${bold ? 4 : 2}"><v>${cell.ratio}</v></c>`;
					return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlEscape(cell)}</t></is></c>`;
				})
				.join('');
			return `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
		`<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
		`<sheetData>${body}</sheetData></worksheet>`
	);
}

const STYLES =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** The workbook's fixed parts for these sheets (names as Excel shows them on the tabs). */
function workbookParts(sheetNames: string[]): Record<string, string> {
	const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
	const ns = sheetNames.map((_, i) => i + 1);
	const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const rels = 'http://schemas.openxmlformats.org/package/2006/relationships';
	const officeRels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
	return {
		'[Content_Types].xml':
			`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			`<Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/>` +
			ns
				.map(
					(n) =>
						`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${type}.worksheet+xml"/>`
				)
				.join('') +
			`<Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/></Types>`,
		'_rels/.rels': `${XML}<Relationships xmlns="${rels}"><Relationship Id="rId1" Type="${officeRels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml':
			`${XML}<workbook xmlns="${main}" xmlns:r="${officeRels}"><sheets>` +
			sheetNames
				.map(
					(name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
				)
				.join('') +
			'</sheets></workbook>',
		'xl/_rels/workbook.xml.rels':
			`${XML}<Relationships xmlns="${rels}">` +
			ns
				.map(
					(n) =>
						`<Relationship Id="rId${n}" Type="${officeRels}/worksheet" Target="worksheets/sheet${n}.xml"/>`
				)
				.join('') +
			`<Relationship Id="rId${ns.length + 1}" Type="${officeRels}/styles" Target="styles.xml"/></Relationships>`,
		'xl/styles.xml': STYLES
	};
}

/**
 * The daily report as a workbook. The whole ward's, given each khu phố's attendees of the day,
 * has a second sheet "So sánh khu phố": the officer's comparison, as on the dashboard.
 */
export function dailyReportXlsx(report: DailyReport, attendees?: Map<number, number>): Buffer {
	const sheets = [
		{
			name: 'Báo cáo ngày',
			xml: sheetXml(sheetOf(report, 'number'), { bold: new Set([0, 4]) }, REPORT_WIDTHS)
		}
	];
	if (report.neighborhood === null && attendees) {
		const total = 5 + report.coverage.byNeighborhood.length; // the "Toàn phường" row
		sheets.push({
			name: 'So sánh khu phố',
			xml: sheetXml(
				comparisonSheet(report, attendees),
				{ bold: new Set([0, 4, total]), headings: new Set([4]) },
				COMPARE_WIDTHS
			)
		});
	}
	return zip([
		...Object.entries(workbookParts(sheets.map((s) => s.name))).map(([name, xml]) => ({
			name,
			data: Buffer.from(xml, 'utf8')
		})),
		...sheets.map((sheet, i) => ({
			name: `xl/worksheets/sheet${i + 1}.xml`,
			data: Buffer.from(sheet.xml, 'utf8')
		}))
	]);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
