import { worksIn, type Actor } from '../../domain/actor';
import { likelyDuplicate, likelySameName, type PersonKey } from '../../domain/duplicates';
import { nameCase } from '../../domain/name-case';
import { foldVietnamese } from '../../domain/text';
import { FILE_TOO_LARGE } from '../http/json-body';
import type { ImportPayload, ImportRow } from '../ops/import';
import { addressLine } from '../../domain/checkin-people';
import { AddressBook } from '../ops/households';
import { neighborhoods } from '../repositories/neighborhoods';
import { findNeighborTwins, findTwin } from '../repositories/residents';
import type { DataStore } from '../store/data-store';
import {
	decodeText,
	ENCODING_LABELS,
	legacyFontOf,
	undoLegacyFont,
	type Encoding,
	type LegacyFont
} from './import-decode';
import { parseCsv } from './import-csv';
import { readOdsSheets } from './import-ods';
import { readXlsxSheets, type Sheet } from './import-xlsx';
import { checkLine, checkName, fail, failFields, newCardCode, ok, type Result } from './people';
import { GUARDIAN_NAME_LABEL } from '../../domain/consent';
import type { ConsentMethod } from '../ops/residents';
import { checkConsent, checkPerson, consentFitsPerson, type ConsentRecord } from './residents';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

type Field =
	| 'fullName'
	| 'familyName'
	| 'birthYear'
	| 'phone'
	| 'relationship'
	| 'address'
	| 'neighborhood'
	| 'headName'
	| 'guardian';

/**
 * Column headers as wards write them, folded (no diacritics, lower case, anything but letters
 * a space: "Họ và\ntên (*)" and "Ngày, tháng, năm sinh" read as "ho va ten", "ngay thang nam sinh").
 */
const HEADERS: Array<[Field, RegExp]> = [
	// First: "Họ tên người giám hộ" is no person's own name.
	['guardian', /^(ho )?(va )?(ten )?nguoi giam ho|^giam ho|^consent ?guardian|^guardian/],
	['headName', /^(ho )?(ten )?chu ho|^head/],
	['fullName', /^(ho va ten|ho ten|ten|full ?name|name)$/],
	// A list that keeps "Họ đệm" and "Tên" apart: the name is both, never the given name alone.
	['familyName', /^(ho dem|ho va ten dem|ho va chu dem|ho lot|ho)$/],
	['birthYear', /^(nam sinh|ngay sinh|ngay thang nam sinh|birth ?year|year of birth)/],
	['phone', /^(so )?(dien thoai|dt|sdt)|^phone/],
	['relationship', /^quan he|^relationship/],
	['address', /^(dia chi|so nha|noi o|cho o|address)/],
	['neighborhood', /^(khu pho|khu|kp|to dan pho|thon|neighbou?rhood)$|^(khu pho|to dan pho) /]
];

const foldHeader = (cell: string) =>
	foldVietnamese(cell)
		.replace(/[^a-z]+/g, ' ')
		.trim();

const REQUIRED: Field[] = ['fullName', 'birthYear', 'address', 'neighborhood'];
const COLUMN_WORDS: Record<string, string> = {
	fullName: '“Họ và tên”',
	birthYear: '“Năm sinh”',
	address: '“Địa chỉ”',
	neighborhood: '“Khu phố”'
};

/** How many rows from the top may hold a title, a date, a blank line before the header. */
const HEADER_SEARCH = 30;
/** A "Chủ hộ" cell that marks its row's person as the head (folded): x, v, ✓, có, 1. */
const HEAD_MARK = /^(x|v|✓|✔|☑|co|1)$/;

/** A row read as column headers: which field is in which column. */
function columnsOf(row: string[]): Map<Field, number> {
	const columns = new Map<Field, number>();
	row.forEach((cell, i) => {
		const folded = foldHeader(cell);
		const field = HEADERS.find(([, re]) => re.test(folded))?.[0];
		if (field && !columns.has(field)) columns.set(field, i);
	});
	return columns;
}

/**
 * The header of a sheet: the first row, among the top ones, that names the most of the needed
 * columns. A ward's list often starts with a title ("DANH SÁCH HỘ GIA ĐÌNH KHU PHỐ 3"), the
 * date it was made and blank lines; those rows are not the header and hold no one.
 */
function findHeader(rows: string[][], required: Field[]) {
	let best: { at: number; columns: Map<Field, number>; score: number } | undefined;
	for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH); at++) {
		const columns = columnsOf(rows[at]);
		const score = required.filter((f) => columns.has(f)).length;
		if (score > 0 && (!best || score > best.score)) best = { at, columns, score };
	}
	return best;
}

/**
 * A birth year out of what a list holds: 1952, a date as people type it (01/05/1952,
 * 1/5/1952, 1952-05-01) or as an .xlsx date reads (services/import-xlsx.ts). Anything else is
 * given back as it was, for checkPerson to name.
 */
export function yearOf(cell: string): string {
	const years = [...cell.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g)].map((m) => m[1]);
	const dateLike = /^[\d\s./-]+(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.test(cell);
	return years.length === 1 && dateLike ? years[0] : cell;
}

/**
 * A phone number a spreadsheet kept as a number, without its leading 0 (912345678, or
 * 84912345678): given its 0 back, and said so in the preview. A mobile number has 9 digits
 * after the 0, a landline 10 starting with 2.
 */
export function phoneOf(cell: string): { phone: string; note?: string } {
	const digits = cell.replace(/[\s.-]/g, '');
	const fixed = /^([35789]\d{8}|2\d{9})$/.test(digits)
		? `0${digits}`
		: /^84([35789]\d{8}|2\d{9})$/.test(digits)
			? `0${digits.slice(2)}`
			: undefined;
	return fixed
		? { phone: fixed, note: `Số điện thoại ${cell} được đọc là ${fixed} (thêm số 0 ở đầu).` }
		: { phone: cell };
}

/** "Khu phố 3", "khu pho 03", "KP3", "KP.3", "Khu 3", "3": the number a khu phố is called by. */
function hoodNumber(folded: string): string | undefined {
	return /^(?:(?:khu pho|khu|kp|k p)\.?\s*(?:so\s*)?)?0*(\d+)$/.exec(
		folded.replace(/\./g, ' ').replace(/\s+/g, ' ').trim()
	)?.[1];
}

export interface PreviewRow {
	row: number;
	/** The sheet's name, when a workbook holds the list on several sheets. */
	sheet?: string;
	fullName: string;
	birthYear: string;
	neighborhood: string;
	address: string;
	kind: 'ok' | 'duplicate' | 'error';
	message: string;
	/** What was read otherwise than written (a phone number given back its 0). */
	note?: string;
}

export interface ImportReport {
	imported: number;
	duplicates: Array<{ row: number; sheet?: string; message: string }>;
	errors: Array<{ row: number; sheet?: string; message: string }>;
	rows: PreviewRow[];
	/** The sheets read, when the workbook has more than one (the others hold no list). */
	sheets?: string[];
	encoding: string;
	/**
	 * The list was typed in an old font, TCVN3 (.VnTime) or VNI (VNI-Times), in a spreadsheet
	 * or as a file's bytes: its letters were turned into Unicode, and a TCVN3 list's names
	 * given the capitals the font lacks (domain/name-case.ts). Absent otherwise.
	 */
	legacyFont?: LegacyFont;
	/** How many names typed all in capitals or all in small letters are stored as "Nguyễn Văn An". */
	namesRecased?: number;
	dryRun: boolean;
	/**
	 * A preview without (valid) consent still shows the rows, and says here what the import
	 * itself would be refused for; absent when consent is in order.
	 */
	consentProblem?: { message: string; fields: string[] };
}

export interface ImportOptions {
	dryRun: boolean;
	encoding?: Encoding;
	/**
	 * The consent every person in the list gave: `method`, `takenBy`, optionally `at`. Never
	 * made up: without it nothing is imported (a preview says it is missing).
	 */
	consent: Record<string, unknown>;
	now?: number;
}

/** Each consent field as a user reads it, and as an API client sends it. */
const CONSENT_FIELDS: Record<string, string> = {
	consentMethod: 'cách người dân đồng ý (consentMethod: paper, verbal hoặc guardian)',
	consentTakenBy: 'người nhận sự đồng ý (consentTakenBy)',
	consentAt: 'thời điểm đồng ý (consentAt)'
};
const CONSENT_KEYS: Record<string, string> = {
	consentMethod: 'method',
	consentTakenBy: 'takenBy',
	consentAt: 'at'
};

/** What is missing or wrong in an import's consent, in one sentence naming the fields. */
function consentProblem(consent: Record<string, unknown>, fields: string[]) {
	const given = (f: string) => ![undefined, null, ''].includes(consent[CONSENT_KEYS[f]] as never);
	const missing = fields.filter((f) => !given(f)).map((f) => CONSENT_FIELDS[f]);
	const wrong = fields.filter(given).map((f) => CONSENT_FIELDS[f]);
	const parts = [
		missing.length ? `thiếu ${missing.join(' và ')}` : '',
		wrong.length ? `chưa đúng ${wrong.join(' và ')}` : ''
	].filter(Boolean);
	return {
		fields,
		message: `Cần ghi sự đồng ý của người dân trước khi nhập: ${parts.join('; ')}.`
	};
}

/** A row's consent problem (consentFitsPerson) in the words of a list: where to write the name. */
const GUARDIAN_COLUMN: Record<string, string> = {
	guardian_required:
		'Người dưới 18 tuổi cần người giám hộ đồng ý: ghi họ tên người giám hộ ở cột “Người giám hộ”.',
	guardian_name_required: 'Cần ghi họ tên người giám hộ ở cột “Người giám hộ”.'
};

/**
 * The consent a row's person is stored with: their guardian's when the row names one (the
 * list's taker and time), else the list's. In a preview whose consent is not right yet, the
 * method as given, if it is one; undefined when it is not known (the preview says so above).
 */
function rowConsent(
	list: Result<ConsentRecord>,
	given: Record<string, unknown>,
	guardianName: string,
	now: number
): ConsentRecord | undefined {
	const method = given.method as ConsentMethod;
	const base: ConsentRecord | undefined = list.ok
		? list.value
		: ['paper', 'verbal', 'guardian'].includes(method)
			? { method, takenBy: '', at: now }
			: undefined;
	if (guardianName) return { takenBy: '', at: now, ...base, method: 'guardian', guardianName };
	return base;
}

/** A file this import cannot read, and what to do about it, in the words of who saves it. */
class Unsupported extends Error {}

const SAVE_AS =
	'Xin mở tệp rồi chọn “Lưu thành” (Save As) kiểu “Excel Workbook (.xlsx)” hoặc “CSV UTF-8”, rồi chọn lại tệp mới.';

const nfcSheets = (sheets: Sheet[]) =>
	sheets.map((sheet) => ({
		sheet: sheet.name as string | undefined,
		rows: sheet.rows.map((r) => r.map((c) => c.normalize('NFC')))
	}));

type Table = { sheet: string | undefined; rows: string[][] };

/**
 * Tables read as Unicode, with any typed in an old font turned into Vietnamese letters
 * (import-decode.ts legacyFontOf), and which font that was.
 */
function undoLegacyFonts(tables: Table[]): { tables: Table[]; legacyFont?: LegacyFont } {
	let legacyFont: LegacyFont | undefined;
	const turned = tables.map((t) => {
		const font = legacyFontOf(t.rows);
		if (!font) return t;
		legacyFont ??= font;
		return { ...t, rows: undoLegacyFont(t.rows, font) };
	});
	return { tables: turned, legacyFont };
}

function readTables(name: string, bytes: Uint8Array, forced?: Encoding) {
	const head = Buffer.from(bytes.subarray(0, 100)).toString('latin1');
	// Excel 97–2003 (.xls) and older Word/Works files: an OLE2 compound file.
	// By its bytes, not its name: web systems export tab-separated text or HTML as ".xls".
	if (head.startsWith('\xd0\xcf\x11\xe0')) {
		throw new Unsupported(`Tệp “${name}” là kiểu Excel cũ (.xls), chưa đọc được. ${SAVE_AS}`);
	}
	// LibreOffice's own format: a zip whose first entry says so.
	if (head.startsWith('PK') && head.includes('opendocument.spreadsheet')) {
		return { ...undoLegacyFonts(nfcSheets(readOdsSheets(bytes))), encoding: 'ODS' };
	}
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
	if (isZip || /\.xlsx$/i.test(name)) {
		return { ...undoLegacyFonts(nfcSheets(readXlsxSheets(bytes))), encoding: 'XLSX' };
	}
	const { text, encoding } = decodeText(bytes, forced);
	// Bytes decoded as an old encoding are its letters already; a CSV saved as Unicode from a
	// spreadsheet typed in .VnTime or VNI-Times holds the font's one-byte letters, as an .xlsx
	// would.
	const decoded: Table[] = [{ sheet: undefined, rows: parseCsv(text) }];
	const read =
		encoding === 'tcvn3' || encoding === 'vni'
			? { tables: decoded, legacyFont: encoding }
			: encoding === 'windows-1258'
				? { tables: decoded }
				: undoLegacyFonts(decoded);
	return { ...read, encoding: ENCODING_LABELS[encoding] };
}

/**
 * Checks a resident list and, unless it is a dry run, imports it in one op: every row or
 * none. Each row's problem is named; likely duplicates (same household, birth year and name,
 * by domain/duplicates.ts; in the file or already stored) are flagged and skipped, never
 * doubled.
 */
export async function importResidents(
	store: DataStore,
	actor: Actor,
	file: { name: string; bytes: Uint8Array },
	options: ImportOptions
): Promise<Result<ImportReport>> {
	const now = options.now ?? Date.now();
	if (file.bytes.length === 0) {
		return fail(400, 'empty_file', `Tệp “${file.name}” trống: không có dòng nào để nhập.`);
	}
	if (file.bytes.length > MAX_IMPORT_BYTES) {
		return fail(FILE_TOO_LARGE.status, FILE_TOO_LARGE.reason, FILE_TOO_LARGE.message);
	}
	// Consent is the people's, given before anyone is stored (Law 91/2025/QH15): checked once
	// for the whole list, and an import without it is refused before the file is read. A
	// preview goes on, and says what is missing.
	const consent = checkConsent(options.consent, now);
	const consentIssue = consent.ok
		? undefined
		: consentProblem(options.consent, [...new Set((consent.problems ?? []).map((p) => p.field))]);
	if (consentIssue && !options.dryRun) {
		const { message, fields } = consentIssue;
		return failFields(
			400,
			fields.map((field) => ({ field, reason: 'consent_required', message }))
		);
	}
	let tables: Table[];
	let encoding: string;
	let legacyFont: LegacyFont | undefined;
	try {
		({ tables, encoding, legacyFont } = readTables(file.name, file.bytes, options.encoding));
	} catch (error) {
		if (error instanceof Unsupported) return fail(400, 'unsupported_format', error.message);
		console.warn(`import: could not read ${file.name}: ${String(error)}`);
		return fail(
			400,
			'unreadable',
			'Không đọc được tệp. Xin lưu lại thành CSV hoặc XLSX rồi thử lại.'
		);
	}
	if (tables.every((t) => t.rows.every((r) => r.every((c) => c.trim() === '')))) {
		return fail(400, 'empty_file', 'Tệp không có dòng nào.');
	}
	const hoods = neighborhoods(store.db);
	// A head's own list often has no "Khu phố" column: every row is of their khu phố.
	const ownHood =
		actor.role === 'head' ? hoods.find((h) => h.id === actor.neighborhoodId) : undefined;
	const required = REQUIRED.filter((f) => !(f === 'neighborhood' && ownHood));
	// The sheets that hold a list: those whose header names a person and a year. A workbook's
	// other sheets (instructions, a summary) are left, and the preview says which were read.
	const lists = tables
		.map((t) => ({ ...t, header: findHeader(t.rows, required) }))
		.filter((t) => t.header);
	// Only a sheet whose header has every needed column is read; the best of the others names
	// what is missing.
	const used = lists.filter((t) => t.header!.score === required.length);
	if (used.length === 0) {
		const best = lists.sort((x, y) => y.header!.score - x.header!.score)[0];
		const missing = required.filter((f) => !best?.header!.columns.has(f));
		const where = best
			? ` (dòng tên cột đọc được là dòng ${best.header!.at + 1}${best.sheet && tables.length > 1 ? ` của trang “${best.sheet}”` : ''})`
			: '';
		return fail(
			400,
			'missing_columns',
			`Thiếu cột ${missing.map((f) => COLUMN_WORDS[f]).join(', ')}${where}: cần ${required.map((f) => COLUMN_WORDS[f]).join(', ')} (có thể thêm “Số điện thoại”, “Quan hệ”, “Chủ hộ”, “Người giám hộ”).`
		);
	}
	// Each row that holds something, with its line in its sheet.
	const several = used.length > 1;
	const body = used.flatMap((t) =>
		t.rows
			.map((cells, i) => ({
				cells,
				row: i + 1,
				sheet: several ? t.sheet : undefined,
				columns: t.header!.columns
			}))
			.slice(t.header!.at + 1)
			.filter((r) => r.cells.some((c) => c.trim() !== ''))
	);
	if (body.length > MAX_IMPORT_ROWS) {
		return fail(413, 'too_many_rows', `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng.`);
	}
	const findHood = (text: string) => {
		const folded = foldVietnamese(text);
		const number = hoodNumber(folded);
		return hoods.find(
			(h) =>
				foldVietnamese(h.name) === folded ||
				(number !== undefined && hoodNumber(foldVietnamese(h.name)) === number)
		);
	};

	const report: ImportReport = {
		imported: 0,
		duplicates: [],
		errors: [],
		rows: [],
		encoding,
		...(legacyFont ? { legacyFont } : {}),
		dryRun: options.dryRun,
		...(tables.length > 1 ? { sheets: used.map((t) => t.sheet!) } : {}),
		...(consentIssue ? { consentProblem: consentIssue } : {})
	};
	const good: Array<
		Omit<ImportRow, 'headName' | 'cardCode'> & { headName: string; marksHead?: boolean }
	> = [];
	/**
	 * Rows kept so far, by khu phố, folded name and year: what a later row may repeat, in its
	 * household or (as for people already stored) elsewhere in the khu phố.
	 */
	const seen = new Map<string, Array<PersonKey & { address: string }>>();
	/** Likely duplicates, told once it is known whether they will be or were skipped. */
	const twins: Array<{ preview: PreviewRow; above: boolean; elsewhere?: string }> = [];
	// Each khu phố's households read once for the whole list, not once per row.
	const households = new AddressBook(store.db);
	// The page puts "Có thể trùng: " before each: the words after it never say "trùng" again.
	const tellTwins = (skip: string) => {
		for (const { preview, above, elsewhere } of twins) {
			preview.message = above
				? elsewhere
					? `Cùng tên, năm sinh với một dòng phía trên (ở ${elsewhere}): ${skip}.`
					: `Cùng tên, năm sinh và hộ với một dòng phía trên: ${skip}.`
				: elsewhere
					? `Đã có người cùng tên, năm sinh ở ${elsewhere}: ${skip}. Nếu là người khác, xin thêm người này ở trang của hộ.`
					: `Đã có người cùng tên, năm sinh trong hộ này: ${skip}.`;
			report.duplicates.push({
				row: preview.row,
				...(preview.sheet !== undefined ? { sheet: preview.sheet } : {}),
				message: preview.message
			});
		}
	};
	let recased = 0;
	const tcvn3 = legacyFont === 'tcvn3';
	body.forEach(({ cells: r, row, sheet, columns }) => {
		const cell = (f: Field) => (columns.has(f) ? (r[columns.get(f)!] ?? '').trim() : '');
		// Names as they will be stored: "NGUYỄN VĂN AN" and a TCVN3 list's "Lê ánh" get their
		// capitals (domain/name-case.ts); the preview shows them so.
		const nameCell = (f: Field) => nameCase(cell(f), tcvn3);
		const typed = [cell('familyName'), cell('fullName')].filter(Boolean).join(' ');
		const fullName = [nameCell('familyName'), nameCell('fullName')].filter(Boolean).join(' ');
		if (fullName !== typed && !tcvn3) recased++;
		// A head's row with the khu phố left blank is of their own, as a list without the column.
		const hoodCell =
			(columns.has('neighborhood') ? cell('neighborhood') : '') || (ownHood?.name ?? '');
		const preview: PreviewRow = {
			row,
			...(sheet !== undefined ? { sheet } : {}),
			fullName,
			birthYear: cell('birthYear'),
			neighborhood: hoodCell,
			address: cell('address'),
			kind: 'ok',
			message: ''
		};
		report.rows.push(preview);
		// Every problem of the row at once: a head fixing the file should not re-upload it once
		// per mistake.
		const problems: string[] = [];
		const year = yearOf(cell('birthYear'));
		const { phone, note } = phoneOf(cell('phone'));
		if (note) preview.note = note;
		const checked = checkPerson(
			{
				fullName,
				birthYear: year,
				phone,
				relationship: cell('relationship')
			},
			now
		);
		if (!checked.ok) problems.push(...(checked.problems ?? [checked]).map((p) => p.message));
		const hood = findHood(hoodCell);
		// The preview says which khu phố a row goes into ("KP3" is Khu phố 3).
		if (hood) preview.neighborhood = hood.name;
		if (!hoodCell) problems.push('Thiếu khu phố.');
		else if (!hood) problems.push(`Không có khu phố “${hoodCell}”.`);
		// A head imports their own khu phố's list; a row of another is an error, so nothing is saved.
		else if (!worksIn(actor, hood.id)) problems.push(`${hood.name} không phải khu phố của bạn.`);
		const addressCell = checkLine(cell('address'), 3, 200, 'Địa chỉ');
		if (!addressCell.ok) problems.push(addressCell.message);
		const address = addressCell.ok ? addressCell.text : null;
		const headCell = nameCell('headName');
		// "x" (or ✓, "có") in the column marks this row's person as the head, as many lists do.
		const marksHead = HEAD_MARK.test(foldVietnamese(headCell));
		const head = headCell && !marksHead ? checkName(headCell, 'Họ tên chủ hộ') : undefined;
		if (head && !head.ok) problems.push(head.message);
		const headName = head?.ok ? head.text : '';
		// A child is stored with their guardian's consent, by name (services/residents.ts).
		const guardianCell = nameCell('guardian');
		const guardian = guardianCell ? checkName(guardianCell, GUARDIAN_NAME_LABEL) : undefined;
		const guardianName = guardian?.ok ? guardian.text : '';
		if (guardian && !guardian.ok) problems.push(guardian.message);
		else {
			const given = rowConsent(consent, options.consent, guardianName, now);
			const unfit = given && consentFitsPerson(given, checked.ok ? checked.value.birthYear : null);
			if (unfit) problems.push(GUARDIAN_COLUMN[unfit.reason] ?? unfit.message);
		}
		if (!checked.ok || !hood || !address || problems.length > 0) {
			preview.kind = 'error';
			preview.message = problems.join(' ');
			report.errors.push({
				row,
				...(sheet !== undefined ? { sheet } : {}),
				message: preview.message
			});
			return;
		}
		const v = checked.value;
		// The household as the op will match it: khu phố and folded address.
		const person = {
			household: `${hood.id}|${households.key(hood.id, address)}`,
			birthYear: v.birthYear,
			fullName: v.fullName
		};
		const key = `${hood.id}|${foldVietnamese(v.fullName)}|${v.birthYear}`;
		const earlier = seen.get(key) ?? [];
		const above = earlier.some((kept) => likelyDuplicate(kept, person));
		const stored = households.find(hood.id, address);
		if (above || (stored && findTwin(store.db, stored, v.fullName, v.birthYear))) {
			preview.kind = 'duplicate';
			twins.push({ preview, above });
			return;
		}
		// An earlier row of the list with the name and year (the key) in another household: the
		// same rule as for someone already stored there (below), whichever comes first.
		const namesake = earlier.find((kept) => likelySameName(kept.fullName, v.fullName));
		if (namesake) {
			preview.kind = 'duplicate';
			twins.push({ preview, above: true, elsewhere: addressLine(namesake.address, hood.name) });
			return;
		}
		// The same name and year in another household of the khu phố: most likely the same
		// person under an address written another way, or moved. Skipped, and said where, as
		// the new-household form asks about it; a real namesake is added by hand.
		const [neighbor] = findNeighborTwins(store.db, hood.id, v.fullName, v.birthYear);
		if (neighbor) {
			preview.kind = 'duplicate';
			twins.push({ preview, above: false, elsewhere: addressLine(neighbor.address, hood.name) });
			return;
		}
		seen.set(key, [...earlier, { ...person, address }]);
		good.push({
			row,
			neighborhoodId: hood.id,
			address,
			headName,
			fullName: v.fullName,
			birthYear: v.birthYear,
			phone: v.phone,
			relationship: v.relationship,
			...(guardianName ? { guardianName } : {}),
			...(marksHead ? { marksHead } : {})
		});
	});
	if (report.rows.length === 0) return fail(400, 'empty_file', 'Tệp không có dòng dữ liệu nào.');
	if (recased > 0) report.namesRecased = recased;
	if (options.dryRun || report.errors.length > 0 || !consent.ok) {
		tellTwins('sẽ bỏ qua');
		report.imported = report.errors.length > 0 ? 0 : good.length;
		return ok(report);
	}
	// The household head: the column's name if given (the last one), else the first member it
	// marks ("x"), else the first member whose relationship is "chủ hộ", else the first member.
	const named = new Map<string, string>();
	const marked = new Map<string, string>();
	const related = new Map<string, string>();
	const homeKey = (g: { neighborhoodId: number; address: string }) =>
		`${g.neighborhoodId}|${households.key(g.neighborhoodId, g.address)}`;
	for (const g of good) {
		const key = homeKey(g);
		if (g.headName) named.set(key, g.headName);
		else if (g.marksHead) marked.set(key, marked.get(key) ?? g.fullName);
		else if (foldVietnamese(g.relationship) === 'chu ho')
			related.set(key, related.get(key) ?? g.fullName);
	}
	const headOf = (key: string) => named.get(key) ?? marked.get(key) ?? related.get(key);
	const payload: ImportPayload = {
		rows: good.map(({ marksHead: _, ...g }) => ({
			...g,
			headName: headOf(homeKey(g)) ?? g.fullName,
			cardCode: newCardCode()
		})),
		consent: consent.value,
		fileName: file.name,
		skipped: twins.length,
		nameRule: 'tones',
		addressRule: 'khu-pho'
	};
	const result = await store.write<{ imported: number; duplicates: number[] }>(
		'import.residents',
		payload,
		actor.id
	);
	tellTwins('đã bỏ qua');
	// Someone added the same person between the preview and now: skipped, and shown so.
	const late = 'Đã có người cùng tên, năm sinh trong hộ này: đã bỏ qua.';
	for (const row of result.duplicates) {
		report.duplicates.push({ row, message: late });
		const shown = report.rows.find((r) => r.row === row);
		if (shown) Object.assign(shown, { kind: 'duplicate', message: late });
	}
	report.imported = result.imported;
	return ok(report);
}
