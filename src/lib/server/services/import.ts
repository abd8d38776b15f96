import { worksIn, type Actor } from '../../domain/actor';
import { likelyDuplicate, likelySameName, type PersonKey } from '../../domain/duplicates';
import { foldVietnamese } from '../../domain/text';
import { FILE_TOO_LARGE } from '../http/json-body';
import type { ImportPayload, ImportRow } from '../ops/import';
import { addressLine } from '../../domain/checkin-people';
import { AddressBook } from '../ops/households';
import { neighborhoods } from '../repositories/neighborhoods';
import { findNeighborTwins, findTwin } from '../repositories/residents';
import type { DataStore } from '../store/data-store';
import { decodeText, ENCODING_LABELS, type Encoding } from './import-decode';
import { parseCsv } from './import-csv';
import { readXlsx } from './import-xlsx';
import { cleanLine, cleanName, fail, failFields, newCardCode, ok, type Result } from './people';
import { checkConsent, checkPerson } from './residents';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

type Field =
	'fullName' | 'birthYear' | 'phone' | 'relationship' | 'address' | 'neighborhood' | 'headName';

/** Column headers as wards write them, folded (no diacritics, lower case). */
const HEADERS: Array<[Field, RegExp]> = [
	['headName', /^(ten )?chu ho|^head/],
	['fullName', /^(ho va ten|ho ten|ho, ten|ten|full ?name|name)$/],
	['birthYear', /^(nam sinh|ngay sinh|ngay thang nam sinh|birth ?year|year of birth)/],
	['phone', /^(so )?(dien thoai|dt|sdt)|^phone/],
	['relationship', /^quan he|^relationship/],
	['address', /^(dia chi|so nha|address)/],
	['neighborhood', /^(khu pho|khu|to dan pho|thon|neighbou?rhood)/]
];

export interface PreviewRow {
	row: number;
	fullName: string;
	birthYear: string;
	neighborhood: string;
	address: string;
	kind: 'ok' | 'duplicate' | 'error';
	message: string;
}

export interface ImportReport {
	imported: number;
	duplicates: Array<{ row: number; message: string }>;
	errors: Array<{ row: number; message: string }>;
	rows: PreviewRow[];
	encoding: string;
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

function readTable(name: string, bytes: Uint8Array, forced?: Encoding) {
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
	if (isZip || /\.xlsx$/i.test(name)) {
		return {
			table: readXlsx(bytes).map((r) => r.map((c) => c.normalize('NFC'))),
			encoding: 'XLSX'
		};
	}
	const { text, encoding } = decodeText(bytes, forced);
	return { table: parseCsv(text), encoding: ENCODING_LABELS[encoding] };
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
	let table: string[][];
	let encoding: string;
	try {
		({ table, encoding } = readTable(file.name, file.bytes, options.encoding));
	} catch {
		return fail(
			400,
			'unreadable',
			'Không đọc được tệp. Xin lưu lại thành CSV hoặc XLSX rồi thử lại.'
		);
	}
	const headerAt = table.findIndex((r) => r.some((c) => c.trim() !== ''));
	if (headerAt < 0) return fail(400, 'empty_file', 'Tệp không có dòng nào.');
	const columns = new Map<Field, number>();
	table[headerAt].forEach((cell, i) => {
		const folded = foldVietnamese(cell)
			.replace(/[^a-z ,]/g, '')
			.trim();
		const field = HEADERS.find(([, re]) => re.test(folded))?.[0];
		if (field && !columns.has(field)) columns.set(field, i);
	});
	const missing = (['fullName', 'birthYear', 'address', 'neighborhood'] as Field[]).filter(
		(f) => !columns.has(f)
	);
	if (missing.length > 0) {
		return fail(
			400,
			'missing_columns',
			'Thiếu cột: cần “Họ và tên”, “Năm sinh”, “Địa chỉ”, “Khu phố” (có thể thêm “Số điện thoại”, “Quan hệ”, “Chủ hộ”).'
		);
	}
	const body = table.slice(headerAt + 1);
	if (body.length > MAX_IMPORT_ROWS) {
		return fail(413, 'too_many_rows', `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng.`);
	}
	const hoods = neighborhoods(store.db);
	const findHood = (text: string) => {
		const folded = foldVietnamese(text);
		return hoods.find(
			(h) =>
				foldVietnamese(h.name) === folded ||
				(/^\d+$/.test(folded) && foldVietnamese(h.name).endsWith(` ${folded}`))
		);
	};
	const cell = (r: string[], f: Field) => (columns.has(f) ? (r[columns.get(f)!] ?? '').trim() : '');

	const report: ImportReport = {
		imported: 0,
		duplicates: [],
		errors: [],
		rows: [],
		encoding,
		dryRun: options.dryRun,
		...(consentIssue ? { consentProblem: consentIssue } : {})
	};
	const good: Array<Omit<ImportRow, 'headName' | 'cardCode'> & { headName: string }> = [];
	/**
	 * Rows kept so far, by khu phố, folded name and year: what a later row may repeat, in its
	 * household or (as for people already stored) elsewhere in the khu phố.
	 */
	const seen = new Map<string, Array<PersonKey & { address: string }>>();
	/** Likely duplicates, told once it is known whether they will be or were skipped. */
	const twins: Array<{ preview: PreviewRow; above: boolean; elsewhere?: string }> = [];
	// Each khu phố's households read once for the whole list, not once per row.
	const households = new AddressBook(store.db);
	const tellTwins = (skip: string) => {
		for (const { preview, above, elsewhere } of twins) {
			preview.message = above
				? `Trùng với một dòng phía trên (cùng tên, năm sinh, ${elsewhere ? `ở ${elsewhere}` : 'hộ'}): ${skip}.`
				: elsewhere
					? `Đã có người cùng tên, năm sinh ở ${elsewhere}: ${skip}. Nếu là người khác, xin thêm người này ở trang của hộ.`
					: `Đã có người cùng tên, năm sinh trong hộ này: ${skip}.`;
			report.duplicates.push({ row: preview.row, message: preview.message });
		}
	};
	body.forEach((r, i) => {
		const row = headerAt + i + 2;
		if (r.every((c) => c.trim() === '')) return;
		const preview: PreviewRow = {
			row,
			fullName: cell(r, 'fullName'),
			birthYear: cell(r, 'birthYear'),
			neighborhood: cell(r, 'neighborhood'),
			address: cell(r, 'address'),
			kind: 'ok',
			message: ''
		};
		report.rows.push(preview);
		// Every problem of the row at once: a head fixing the file should not re-upload it once
		// per mistake.
		const problems: string[] = [];
		const year = /(\d{4})\s*$/.exec(cell(r, 'birthYear'))?.[1] ?? cell(r, 'birthYear');
		const checked = checkPerson(
			{
				fullName: cell(r, 'fullName'),
				birthYear: year,
				phone: cell(r, 'phone'),
				relationship: cell(r, 'relationship')
			},
			now
		);
		if (!checked.ok) problems.push(...(checked.problems ?? [checked]).map((p) => p.message));
		const hood = findHood(cell(r, 'neighborhood'));
		if (!hood) problems.push(`Không có khu phố “${cell(r, 'neighborhood')}”.`);
		// A head imports their own khu phố's list; a row of another is an error, so nothing is saved.
		else if (!worksIn(actor, hood.id)) problems.push(`${hood.name} không phải khu phố của bạn.`);
		const address = cleanLine(cell(r, 'address'), 3, 200);
		if (!address) problems.push('Thiếu địa chỉ (3–200 ký tự).');
		const headCell = cell(r, 'headName');
		const headName = headCell ? cleanName(headCell) : '';
		if (headName === null) problems.push('Tên chủ hộ không hợp lệ.');
		if (!checked.ok || !hood || !address || problems.length > 0) {
			preview.kind = 'error';
			preview.message = problems.join(' ');
			report.errors.push({ row, message: preview.message });
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
			headName: headName ?? '',
			fullName: v.fullName,
			birthYear: v.birthYear,
			phone: v.phone,
			relationship: v.relationship
		});
	});
	if (report.rows.length === 0) return fail(400, 'empty_file', 'Tệp không có dòng dữ liệu nào.');
	if (options.dryRun || report.errors.length > 0 || !consent.ok) {
		tellTwins('sẽ bỏ qua');
		report.imported = report.errors.length > 0 ? 0 : good.length;
		return ok(report);
	}
	// The household head: the column if given, else the member marked "chủ hộ", else the first.
	const heads = new Map<string, string>();
	for (const g of good) {
		const key = `${g.neighborhoodId}|${households.key(g.neighborhoodId, g.address)}`;
		if (g.headName) heads.set(key, g.headName);
		else if (foldVietnamese(g.relationship) === 'chu ho' && !heads.has(key))
			heads.set(key, g.fullName);
	}
	const payload: ImportPayload = {
		rows: good.map((g) => ({
			...g,
			headName:
				heads.get(`${g.neighborhoodId}|${households.key(g.neighborhoodId, g.address)}`) ??
				g.fullName,
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
