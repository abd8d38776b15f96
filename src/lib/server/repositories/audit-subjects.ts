import { formatDate } from '../../domain/time';
import { ERASED_HEAD } from '../ops/erasure';
import type { Reads } from '../store/database';

/** An audit row's subject in words, and the page that shows it (if it still exists). */
export interface SubjectName {
	text: string;
	href: string | null;
}

/** The kinds whose rows are looked up by id; each is read in one query for a whole page. */
const LOOKUPS = {
	resident: 'SELECT id, full_name AS a, NULL AS b FROM residents',
	user: 'SELECT id, display_name AS a, NULL AS b FROM users',
	household: 'SELECT id, head_name AS a, NULL AS b FROM households',
	session: 'SELECT id, title AS a, starts_at AS b FROM class_sessions',
	neighborhood: 'SELECT id, name AS a, NULL AS b FROM neighborhoods',
	target: 'SELECT id, label AS a, NULL AS b FROM coverage_targets'
} as const;
type Kind = keyof typeof LOOKUPS;
type Found = { a: string; b: number | null };

const isKind = (kind: string): kind is Kind => Object.hasOwn(LOOKUPS, kind);

function parse(subject: string): { kind: string; rest: string } {
	const colon = subject.indexOf(':');
	return colon < 0
		? { kind: subject, rest: '' }
		: { kind: subject.slice(0, colon), rest: subject.slice(colon + 1) };
}

/**
 * Words for one subject. `found` is its row (undefined: no such row any more). An erased
 * resident's row is gone (ops/erasure.ts), so they show by number only: the log must not
 * give back a name that was erased.
 */
function name(kind: string, rest: string, found: Found | undefined, raw: string): SubjectName {
	const id = rest;
	const plain = (text: string): SubjectName => ({ text, href: null });
	switch (kind) {
		case '':
			return plain('—');
		case 'ward':
			return plain('Cả phường');
		case 'resident':
			return found ? { text: found.a, href: `/cu-dan/${id}` } : plain(`Cư dân đã xoá (#${id})`);
		case 'user':
			return plain(found ? found.a : `Tài khoản #${id}`);
		case 'household':
			if (!found) return plain(`Hộ đã xoá (#${id})`);
			return {
				text: found.a === ERASED_HEAD ? `Hộ #${id} (chủ hộ đã xoá dữ liệu)` : `Hộ ${found.a}`,
				href: `/cu-dan/ho/${id}`
			};
		case 'session':
			// Its attendance page (/tinh-nguyen/buoi/…), which the officer reading the log may open.
			return found
				? {
						text: `${found.a}${found.b === null ? '' : ` (${formatDate(found.b)})`}`,
						href: `/tinh-nguyen/buoi/${id}`
					}
				: plain(`Buổi học #${id}`);
		case 'neighborhood':
			return plain(found ? found.a : `Khu phố #${id}`);
		case 'target':
			return plain(found ? `Chỉ tiêu: ${found.a}` : `Chỉ tiêu #${id}`);
		case 'username':
			return plain(`Tên đăng nhập “${rest}”`);
		case 'file':
			return plain(`Tệp ${rest}`);
		case 'page':
			return plain(`Trang ${rest}`);
		default:
			return plain(raw);
	}
}

/**
 * Every distinct subject of a page of the audit log in words, in one query per kind (not one
 * per row): `resident:12` → "Nguyễn Văn An", `ward` → "Cả phường", `session:3` → its title.
 */
export function subjectNames(db: Reads, subjects: Iterable<string>): Map<string, SubjectName> {
	const distinct = [...new Set(subjects)];
	const ids = new Map<Kind, number[]>();
	for (const subject of distinct) {
		const { kind, rest } = parse(subject);
		if (isKind(kind) && /^\d{1,15}$/.test(rest)) {
			ids.set(kind, [...(ids.get(kind) ?? []), Number(rest)]);
		}
	}
	const rows = new Map<string, Found>();
	for (const [kind, list] of ids) {
		// One bound JSON list: the SQL text stays the same whatever the page holds.
		const found = db.all<Found & { id: number }>(
			`${LOOKUPS[kind]} WHERE id IN (SELECT value FROM json_each(?))`,
			[JSON.stringify(list)]
		);
		for (const r of found) rows.set(`${kind}:${r.id}`, { a: r.a, b: r.b });
	}
	return new Map(
		distinct.map((subject) => {
			const { kind, rest } = parse(subject);
			return [subject, name(kind, rest, rows.get(`${kind}:${Number(rest)}`), subject)];
		})
	);
}

/**
 * An entry's detail as shown: the details written as codes in words (an undone milestone's
 * `milestone:3372`, ops/milestones.ts; an erasure's counts, stored as JSON for programs,
 * ops/erasure.ts); any other detail is already text.
 */
export function detailInWords(detail: string, action = ''): string {
	const milestone = /^milestone:(\d{1,15})$/.exec(detail);
	if (milestone) return `Mốc kỹ năng #${milestone[1]}`;
	if (action === 'resident.erase') return erasureInWords(detail) ?? detail;
	return detail;
}

/** "Giữ 2 lượt điểm danh không tên; xoá 7 mốc kỹ năng, 1 thẻ QR…": the log showed the JSON. */
function erasureInWords(detail: string): string | null {
	let r: Record<string, unknown>;
	try {
		r = JSON.parse(detail);
	} catch {
		return null;
	}
	const n = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : null);
	const [kept, milestones, cards, consents, lessons] = [
		'attendanceAnonymised',
		'milestonesRemoved',
		'cardsRemoved',
		'consentsRemoved',
		'lessonCompletionsUnlinked'
	].map(n);
	if (kept === null || milestones === null || cards === null || consents === null) return null;
	const parts = [
		`Giữ ${kept} lượt điểm danh, không còn tên`,
		`xoá ${milestones} mốc kỹ năng, ${cards} thẻ QR, ${consents} lần ghi đồng ý`
	];
	if (lessons) parts.push(`${lessons} lượt học bài không còn gắn với người này`);
	parts.push(r.householdRemoved === true ? 'xoá cả hộ (không còn ai)' : 'hộ vẫn còn người khác');
	return `${parts.join('; ')}.`;
}
