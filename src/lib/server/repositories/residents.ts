import type {
	Card,
	Consent,
	Household,
	Place,
	PrintCard,
	Resident,
	NeighborTwin,
	ResidentMatch,
	ResidentSummary
} from '../../domain/checkin-people';
import { addressKey, NAME_SEARCH_LIMIT } from '../../domain/checkin-people';
import { likelyDuplicate, likelySameName } from '../../domain/duplicates';
import { foldVietnamese, searchWords, type SearchWord } from '../../domain/text';
import type { Reads } from '../store/database';
import { consentWithdrawnSql } from './privacy';
import { walkthroughTitle } from '../../walkthroughs/catalog';

interface ResidentRow {
	id: number;
	full_name: string;
	birth_year: number;
	household_id: number;
	address: string;
	neighborhood_id: number;
	neighborhood_name: string;
	relationship: string;
	phone: string | null;
	created_at: number;
	card_code: string | null;
}

const RESIDENT_COLUMNS = `r.id, r.full_name, r.birth_year, r.household_id, h.address, h.neighborhood_id,
	n.name AS neighborhood_name, r.relationship, r.phone, r.created_at,
	(SELECT code FROM cards c WHERE c.resident_id = r.id AND c.revoked_at IS NULL ORDER BY issued_at DESC LIMIT 1) AS card_code`;
const RESIDENT_FROM = `FROM residents r JOIN households h ON h.id = r.household_id JOIN neighborhoods n ON n.id = h.neighborhood_id`;
const SELECT_RESIDENT = `SELECT ${RESIDENT_COLUMNS} ${RESIDENT_FROM}`;

const toSummary = (r: ResidentRow): ResidentSummary => ({
	id: r.id,
	fullName: r.full_name,
	birthYear: r.birth_year,
	householdId: r.household_id,
	address: r.address,
	neighborhoodId: r.neighborhood_id,
	neighborhoodName: r.neighborhood_name,
	relationship: r.relationship
});

const toResident = (r: ResidentRow): Resident => ({
	...toSummary(r),
	phone: r.phone,
	createdAt: r.created_at,
	cardCode: r.card_code
});

const capitalized = (word: string) => word[0].toLocaleUpperCase('vi') + word.slice(1);

/**
 * Diacritics-insensitive name search: every word of the query must start a word of the
 * name ("nguyen van" finds "Nguyễn Văn An"), so a short query still narrows well. The list
 * holds NAME_SEARCH_LIMIT people, so the order decides who is on it at all:
 *
 * 1. names with the diacritics typed: "thử" matches every Thu, Thuỷ and Thư, and alphabetical
 *    order alone filled the list with them before the Nguyễn Văn Thử it was typed for ("thủy"
 *    and "thuỷ" are the same name written two ways: either ranks both);
 * 2. at a class (`session`), people of the class's khu phố, since most come from the one
 *    whose cultural house holds the class;
 * 3. names where the words typed are whole words ("thu" is Thu before Thuận);
 * 4. names holding the words as typed, one after another: "nguyen van" also matches
 *    "Nguyễn Hồng Vân", which comes after the Nguyễn Văn it was typed for;
 * 5. then alphabetical, by birth year.
 *
 * The ranks are worked out in the one query, only for the names that match; at a class each
 * person also says when they were checked in to it (null: not yet).
 */
export function searchResidents(
	db: Reads,
	q: string,
	neighborhoodId?: number,
	session?: { id: number; neighborhoodId: number | null }
): ResidentMatch[] {
	// Letters and digits only (searchWords): nothing in them is a LIKE wildcard to escape.
	const words = searchWords(q);
	if (words.length === 0) return [];
	const where = words.map(() => "(' ' || r.name_folded) LIKE ?").join(' AND ');
	const hood = neighborhoodId ? ' AND h.neighborhood_id = ?' : '';
	// LIKE ignores case in A-Z only: a word typed "đức" is also looked for as "Đức".
	const marked = words.filter((w) => w.typed !== w.folded);
	// Either spelling of oa/oe/uy counts as typed: "thủy" ranks a stored "Thuỷ" first too.
	const spelled = (w: SearchWord) =>
		`(${w.spellings.map(() => "(' ' || r.full_name) LIKE ? OR (' ' || r.full_name) LIKE ?").join(' OR ')})`;
	const diacritics = marked.length ? `(${marked.map(spelled).join(' + ')}) DESC, ` : '';
	const home = session?.neighborhoodId ? 'h.neighborhood_id IS NOT ?, ' : '';
	const whole = `(${words.map(() => "(' ' || r.name_folded || ' ') LIKE ?").join(' + ')}) DESC`;
	const inOrder = "(' ' || r.name_folded) NOT LIKE ?";
	// attendance_once (session_id, resident_id) makes the join one index look-up a person.
	// At a class the list also says who withdrew consent: they cannot be checked in.
	const checkedIn = session
		? `, a.checked_in_at AS session_checked_in_at, ${consentWithdrawnSql('r.id')} AS consent_withdrawn`
		: '';
	const join = session
		? ' LEFT JOIN attendance a ON a.session_id = ? AND a.resident_id = r.id'
		: '';
	const rows = db.all<
		ResidentRow & { session_checked_in_at?: number | null; consent_withdrawn?: number | null }
	>(
		`SELECT ${RESIDENT_COLUMNS}${checkedIn} ${RESIDENT_FROM}${join} WHERE ${where}${hood}
			ORDER BY ${diacritics}${home}${whole}, ${inOrder}, r.name_folded, r.birth_year
			LIMIT ${NAME_SEARCH_LIMIT}`,
		[
			...(session ? [session.id] : []),
			...words.map((w) => `% ${w.folded}%`),
			...(neighborhoodId ? [neighborhoodId] : []),
			...marked.flatMap(({ spellings }) =>
				spellings.flatMap((typed) => [`% ${typed}%`, `% ${capitalized(typed)}%`])
			),
			...(session?.neighborhoodId ? [session.neighborhoodId] : []),
			...words.map((w) => `% ${w.folded} %`),
			`% ${words.map((w) => w.folded).join(' ')}%`
		]
	);
	return rows.map((row) =>
		session
			? {
					...toResident(row),
					checkedInAt: row.session_checked_in_at ?? null,
					consentWithdrawn: row.consent_withdrawn === 1
				}
			: toResident(row)
	);
}

export function getResident(db: Reads, id: number): Resident | undefined {
	const row = db.get<ResidentRow>(`${SELECT_RESIDENT} WHERE r.id = ?`, [id]);
	return row && toResident(row);
}

export function householdMembers(db: Reads, householdId: number): Resident[] {
	return db
		.all<ResidentRow>(`${SELECT_RESIDENT} WHERE r.household_id = ? ORDER BY r.id`, [householdId])
		.map(toResident);
}

export function residentCards(db: Reads, residentId: number): Card[] {
	return db
		.all<{ code: string; issued_at: number; revoked_at: number | null }>(
			'SELECT code, issued_at, revoked_at FROM cards WHERE resident_id = ? ORDER BY issued_at DESC, revoked_at IS NULL DESC',
			[residentId]
		)
		.map((c) => ({ code: c.code, issuedAt: c.issued_at, revokedAt: c.revoked_at }));
}

export function residentConsents(db: Reads, residentId: number): Consent[] {
	return db
		.all<{
			method: Consent['method'];
			taken_by: string;
			taken_at: number;
			withdrawn_at: number | null;
			guardian_name: string | null;
		}>(
			'SELECT method, taken_by, taken_at, withdrawn_at, guardian_name FROM consents WHERE resident_id = ? ORDER BY taken_at',
			[residentId]
		)
		.map((c) => ({
			method: c.method,
			takenBy: c.taken_by,
			takenAt: c.taken_at,
			withdrawnAt: c.withdrawn_at,
			guardianName: c.guardian_name
		}));
}

export function residentAttendance(db: Reads, residentId: number) {
	return db
		.all<{ session_id: number; title: string; place: string; checked_in_at: number }>(
			`SELECT a.session_id, s.title, s.place, a.checked_in_at FROM attendance a
			 JOIN class_sessions s ON s.id = a.session_id WHERE a.resident_id = ?
			 ORDER BY a.checked_in_at DESC LIMIT 50`,
			[residentId]
		)
		.map((a) => ({ sessionId: a.session_id, title: a.title, place: a.place, at: a.checked_in_at }));
}

export interface LessonDone {
	walkthroughId: string;
	title: string;
	times: number;
	lastAt: number;
}

/**
 * The lessons this person finished at a kiosk and showed their card for, one line a lesson:
 * how many times and when last (a card shown twice after one lesson is not two lessons).
 * Shown to whoever records their skills, who could not see them before.
 */
export function residentLessonsDone(db: Reads, residentId: number): LessonDone[] {
	return db
		.all<{ walkthrough_id: string; times: number; last_at: number }>(
			`SELECT walkthrough_id, COUNT(*) AS times, MAX(at) AS last_at FROM lesson_completions
			 WHERE resident_id = ? GROUP BY walkthrough_id ORDER BY last_at DESC`,
			[residentId]
		)
		.map((l) => ({
			walkthroughId: l.walkthrough_id,
			title: walkthroughTitle(l.walkthrough_id),
			times: l.times,
			lastAt: l.last_at
		}));
}

/**
 * A likely duplicate of this person already in the household (domain/duplicates.ts: same
 * birth year, and the same name, or the same letters with one of them written without
 * diacritics): its id, or undefined.
 */
export function findTwin(
	db: Reads,
	householdId: number,
	fullName: string,
	birthYear: number
): number | undefined {
	const person = { household: householdId, birthYear, fullName };
	// SQL narrows by what the rule needs equal (indexed folded name); the rule decides.
	return db
		.all<{ id: number; household_id: number; birth_year: number; full_name: string }>(
			`SELECT id, household_id, birth_year, full_name FROM residents
			 WHERE household_id = ? AND name_folded = ? AND birth_year = ? ORDER BY id`,
			[householdId, foldVietnamese(fullName), birthYear]
		)
		.find((r) =>
			likelyDuplicate(person, {
				household: r.household_id,
				birthYear: r.birth_year,
				fullName: r.full_name
			})
		)?.id;
}

/**
 * Likely the same person registered again (a new household's head, a member added or
 * corrected): the same birth year and a likely same name (likelySameName: Hương is not Hường,
 * "Huong" may be either) anywhere in the khu phố (a second visit, another volunteer), but
 * `exceptId` (the person being corrected). At most three.
 */
export function findNeighborTwins(
	db: Reads,
	neighborhoodId: number,
	fullName: string,
	birthYear: number,
	exceptId = 0
): NeighborTwin[] {
	return db
		.all<{ household_id: number; full_name: string; birth_year: number; address: string }>(
			`SELECT r.household_id, r.full_name, r.birth_year, h.address FROM residents r
			 JOIN households h ON h.id = r.household_id
			 WHERE h.neighborhood_id = ? AND r.name_folded = ? AND r.birth_year = ? AND r.id <> ?
			 ORDER BY r.id`,
			[neighborhoodId, foldVietnamese(fullName), birthYear, exceptId]
		)
		.filter((r) => likelySameName(r.full_name, fullName))
		.slice(0, 3)
		.map((r) => ({
			householdId: r.household_id,
			fullName: r.full_name,
			birthYear: r.birth_year,
			address: r.address
		}));
}

/** Whether every consent the person gave is withdrawn: nothing new is recorded of them. */
export function consentWithdrawn(db: Reads, id: number): boolean {
	return db.value<number>(`SELECT ${consentWithdrawnSql('?')}`, [id]) === 1;
}

export function cardExists(db: Reads, code: string): boolean {
	return Boolean(db.value('SELECT count(*) FROM cards WHERE code = ?', [code]));
}

export function places(db: Reads): Place[] {
	return db
		.all<{ id: number; name: string; neighborhood_id: number | null }>(
			'SELECT id, name, neighborhood_id FROM places ORDER BY id'
		)
		.map((p) => ({ id: p.id, name: p.name, neighborhoodId: p.neighborhood_id }));
}

interface HouseholdRow {
	id: number;
	neighborhood_id: number;
	neighborhood_name: string;
	address: string;
	head_name: string;
	members: number;
}

const SELECT_HOUSEHOLD = `SELECT h.id, h.neighborhood_id, n.name AS neighborhood_name, h.address, h.head_name,
	(SELECT count(*) FROM residents r WHERE r.household_id = h.id) AS members
	FROM households h JOIN neighborhoods n ON n.id = h.neighborhood_id`;

const toHousehold = (h: HouseholdRow): Household => ({
	id: h.id,
	neighborhoodId: h.neighborhood_id,
	neighborhoodName: h.neighborhood_name,
	address: h.address,
	headName: h.head_name,
	members: h.members
});

export function getHousehold(db: Reads, id: number): Household | undefined {
	const row = db.get<HouseholdRow>(`${SELECT_HOUSEHOLD} WHERE h.id = ?`, [id]);
	return row && toHousehold(row);
}

export function householdsOf(db: Reads, neighborhoodId: number): Household[] {
	return db
		.all<HouseholdRow>(`${SELECT_HOUSEHOLD} WHERE h.neighborhood_id = ? ORDER BY h.id`, [
			neighborhoodId
		])
		.map(toHousehold);
}

/**
 * A household of the khu phố at this address (read as a list's address is: domain addressKey)
 * whose head likely has this name: the same household registered again.
 */
export function sameHousehold(
	db: Reads,
	p: { neighborhoodId: number; address: string; headName: string }
): Household | undefined {
	const rows = db.all<{ id: number; address: string; head_name: string; name: string }>(
		`SELECT h.id, h.address, h.head_name, n.name FROM households h
		 JOIN neighborhoods n ON n.id = h.neighborhood_id WHERE h.neighborhood_id = ? ORDER BY h.id`,
		[p.neighborhoodId]
	);
	const key = addressKey(p.address, rows[0]?.name ?? '');
	const same = rows.find(
		(h) => addressKey(h.address, h.name) === key && likelySameName(h.head_name, p.headName)
	);
	return same && getHousehold(db, same.id);
}

/** Whose cards a sheet holds: one person's, one household's, or a whole khu phố's. */
export interface CardsOf {
	kind: 'resident' | 'household' | 'neighborhood';
	id: number;
}

const CARDS_OF: Record<CardsOf['kind'], string> = {
	resident: 'r.id = ?',
	household: 'h.id = ?',
	neighborhood: 'h.neighborhood_id = ?'
};

/** Live cards to print, for one person, one household or a whole khu phố. */
export function printableCards(db: Reads, by: CardsOf): PrintCard[] {
	return db
		.all<{ code: string; full_name: string; neighborhood_name: string }>(
			`SELECT c.code, r.full_name, n.name AS neighborhood_name FROM cards c
			 JOIN residents r ON r.id = c.resident_id JOIN households h ON h.id = r.household_id
			 JOIN neighborhoods n ON n.id = h.neighborhood_id
			 WHERE c.revoked_at IS NULL AND ${CARDS_OF[by.kind]} ORDER BY h.id, r.id`,
			[by.id]
		)
		.map((c) => ({ code: c.code, fullName: c.full_name, neighborhoodName: c.neighborhood_name }));
}

export function wardName(db: Reads): string {
	return db.value<string>("SELECT value FROM settings WHERE key = 'ward_name'") ?? 'Phường';
}

/** The columns a brief is made of. */
export interface BriefRow {
	full_name: string;
	birth_year: number;
	neighborhood_id: number;
	neighborhood_name: string;
	/** 1 when every consent the person gave is withdrawn: nothing new is recorded of them. */
	consent_withdrawn: number | null;
}

export const toBrief = (id: number, row: BriefRow) => ({
	id,
	fullName: row.full_name,
	birthYear: row.birth_year,
	neighborhoodName: row.neighborhood_name
});

export type ResidentBrief = ReturnType<typeof toBrief>;

/**
 * Who was checked in: the few fields the scanner shows (no card lookup: it is on the check-in
 * hot path, and the check-in op reads it with the same statement). Written as correlated
 * scalar subqueries, not joins: in sql.js this same lookup by primary keys costs ~3 µs that
 * way against ~13 µs as a three-table join (bench/, 1M attendance rows), and it runs once per
 * check-in.
 */
export function residentBriefRow(db: Reads, id: number): BriefRow | undefined {
	return db.get<BriefRow>(
		`SELECT b.*, (SELECT name FROM neighborhoods WHERE id = b.neighborhood_id) AS neighborhood_name
		 FROM (SELECT r.full_name, r.birth_year,
		         (SELECT neighborhood_id FROM households WHERE id = r.household_id) AS neighborhood_id,
		         ${consentWithdrawnSql('r.id')} AS consent_withdrawn
		       FROM residents r WHERE r.id = ?) b`,
		[id]
	);
}

export function residentBrief(db: Reads, id: number): ResidentBrief | undefined {
	const row = residentBriefRow(db, id);
	return row && toBrief(id, row);
}
