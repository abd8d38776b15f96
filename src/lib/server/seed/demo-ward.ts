import { cardCodeFromBytes } from '../../domain/card-code';
import { between, pick, seededRandom, type Random } from '../../domain/random';
import { foldVietnamese } from '../../domain/text';
import { consentYear, underAgeIn } from '../../domain/consent';
import { DAY_MS, vnDay, vnDayStart } from '../../domain/time';
import type { Db } from '../store/database';
import {
	FAMILY_NAMES,
	FEMALE_GIVEN,
	FEMALE_MIDDLE,
	MALE_GIVEN,
	MALE_MIDDLE,
	STREETS
} from './names';

/** What the `demo.seed` op carries: everything random that is not derived from the seed. */
export interface DemoSeedPayload {
	seed: number;
	/** The instant the ward was seeded; the 60 days of history end here. */
	now: number;
	passwordHash: string;
	pinHash: string;
	/** Per-install secret so demo card codes are not guessable from the public seed. */
	cardSecret: string;
}

export const DEMO_NEIGHBORHOODS = 8;
const HOUSEHOLDS_PER_NEIGHBORHOOD = 50;
const HISTORY_DAYS = 60;
const TOPICS = [
	['VNeID mức 2: kích hoạt và đăng nhập', 'dich-vu-cong', 'vneid-kich-hoat'],
	['Chuyển khoản bằng mã VietQR', 'thanh-toan', 'chuyen-khoan-vietqr'],
	['Trả tiền điện trên điện thoại', 'thanh-toan', 'tien-dien'],
	['VssID và thẻ BHYT trên điện thoại', 'y-te', 'vssid'],
	['Mua sắm trực tuyến an toàn', 'mua-sam', 'mua-sam-an-toan'],
	['Nhận diện lừa đảo qua điện thoại', 'lua-dao', 'nhan-dien-lua-dao'],
	['Dịch vụ công: khai sinh liên thông', 'dich-vu-cong', 'dvc-khai-sinh']
] as const;

/** Milestones a topic's class tends to produce, and the VNeID ones everyone starts with. */
const TOPIC_SKILLS: Record<string, string[]> = {
	'vneid-kich-hoat': ['M2', 'M3'],
	'chuyen-khoan-vietqr': ['M5'],
	'tien-dien': ['M6'],
	vssid: ['M7'],
	'mua-sam-an-toan': ['M8'],
	'nhan-dien-lua-dao': ['M9'],
	'dvc-khai-sinh': ['M4']
};

interface Person {
	fullName: string;
	birthYear: number;
	relationship: string;
}

function personName(random: Random, family: string, female: boolean): string {
	const middle = pick(random, female ? FEMALE_MIDDLE : MALE_MIDDLE);
	const given = pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
	return `${family} ${middle} ${given}`.normalize('NFC');
}

/** A household of 1–6 people: a head, often a spouse, children or grandchildren, elders. */
function household(random: Random, year: number): Person[] {
	const family = pick(random, FAMILY_NAMES);
	const headFemale = random() < 0.3;
	const headAge = between(random, 28, 86);
	const people: Person[] = [
		{
			fullName: personName(random, family, headFemale),
			birthYear: year - headAge,
			relationship: 'Chủ hộ'
		}
	];
	if (random() < 0.8) {
		const spouseFamily = pick(random, FAMILY_NAMES);
		people.push({
			fullName: personName(random, spouseFamily, !headFemale),
			birthYear: year - Math.max(20, headAge + between(random, -6, 4)),
			relationship: headFemale ? 'Chồng' : 'Vợ'
		});
	}
	const children = headAge < 70 ? between(random, 0, 3) : between(random, 0, 1);
	for (let i = 0; i < children; i++) {
		const age = Math.max(1, headAge - between(random, 22, 34));
		const female = random() < 0.5;
		people.push({
			fullName: personName(random, family, female),
			birthYear: year - age,
			relationship: female ? 'Con gái' : 'Con trai'
		});
	}
	if (headAge < 55 && random() < 0.25) {
		people.push({
			fullName: personName(random, family, random() < 0.6),
			birthYear: year - between(random, headAge + 22, Math.min(95, headAge + 34)),
			relationship: 'Bố/mẹ'
		});
	}
	return people;
}

function cardBytes(secret: string, residentId: number): Uint8Array {
	// A keyed mix of the install secret and the resident: stable on replay, unguessable.
	const random = seededRandom(residentId * 2654435761);
	const bytes = new Uint8Array(20);
	for (let i = 0; i < bytes.length; i++) {
		bytes[i] = (Math.floor(random() * 256) ^ secret.charCodeAt(i % secret.length)) & 0xff;
	}
	return bytes;
}

/** Seeds the demo ward into an empty store. Deterministic for a given payload. */
export function seedDemoWard(db: Db, payload: DemoSeedPayload): { residents: number } {
	const random = seededRandom(payload.seed);
	const { now } = payload;
	const year = Number(vnDay(now).slice(0, 4));
	db.run("INSERT OR REPLACE INTO settings (key, value) VALUES ('ward_name', 'Phường Hà Tu')");
	db.run("INSERT OR REPLACE INTO settings (key, value) VALUES ('report_place', 'Hà Tu')");
	db.run("INSERT OR REPLACE INTO settings (key, value) VALUES ('province', 'Tỉnh Quảng Ninh')");

	for (let k = 1; k <= DEMO_NEIGHBORHOODS; k++) {
		db.run('INSERT INTO neighborhoods (id, name, sort) VALUES (?, ?, ?)', [k, `Khu phố ${k}`, k]);
		db.run('INSERT INTO places (name, neighborhood_id) VALUES (?, ?)', [
			`Nhà văn hoá khu phố ${k}`,
			k
		]);
	}

	const user = (username: string, name: string, role: string, hood: number | null, hash: string) =>
		db.run(
			'INSERT INTO users (username, display_name, role, neighborhood_id, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
			[username, name, role, hood, hash, now]
		).lastId;
	user('quantri', 'Cán bộ phường (quản trị)', 'officer', null, payload.passwordHash);
	for (let k = 1; k <= DEMO_NEIGHBORHOODS; k++) {
		user(`truongkhu${k}`, `Trưởng khu phố ${k}`, 'head', k, payload.passwordHash);
	}
	const volunteers = [1, 2, 3, 4].map((n) =>
		user(`tinhnguyen${n}`, `Tình nguyện viên ${n}`, 'volunteer', null, payload.pinHash)
	);

	const seededAt = now - (HISTORY_DAYS + 30) * DAY_MS;
	// The consents' year, which a child's age is counted in: the year before `year` when the
	// ward is seeded in its first three months.
	const consentAtYear = consentYear(seededAt);
	const byHood = new Map<number, { id: number; birthYear: number; household: number }[]>();
	let residents = 0;
	for (let k = 1; k <= DEMO_NEIGHBORHOODS; k++) {
		const list: { id: number; birthYear: number; household: number }[] = [];
		byHood.set(k, list);
		for (let h = 0; h < HOUSEHOLDS_PER_NEIGHBORHOOD; h++) {
			const people = household(random, year);
			// Without the khu phố's name: pages add it where they need it (addressLine), and an
			// address that spelled it kept the old name after the khu phố was renamed.
			const address = `Số ${between(random, 1, 180)}, tổ ${between(random, 1, 12)}, ${pick(random, STREETS)}`;
			const householdId = db.run(
				'INSERT INTO households (neighborhood_id, address, head_name, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
				[k, address, people[0].fullName, seededAt, volunteers[0]]
			).lastId;
			for (const person of people) {
				const residentId = db.run(
					'INSERT INTO residents (household_id, full_name, name_folded, birth_year, phone, relationship, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
					[
						householdId,
						person.fullName,
						foldVietnamese(person.fullName),
						person.birthYear,
						random() < 0.6 ? `09${String(between(random, 10000000, 99999999))}` : null,
						person.relationship,
						seededAt,
						volunteers[0]
					]
				).lastId;
				// A child's consent is their guardian's, by name (Decree 13/2023/NĐ-CP, Art. 20;
				// services/residents.ts): the household's head, always an adult here.
				const child = underAgeIn(person.birthYear, consentAtYear);
				db.run(
					'INSERT INTO consents (resident_id, method, taken_by, taken_at, guardian_name) VALUES (?, ?, ?, ?, ?)',
					[
						residentId,
						child ? 'guardian' : 'paper',
						'Tình nguyện viên 1',
						seededAt,
						child ? people[0].fullName : null
					]
				);
				db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, ?, ?)', [
					cardCodeFromBytes(cardBytes(payload.cardSecret, residentId)),
					residentId,
					seededAt
				]);
				list.push({ id: residentId, birthYear: person.birthYear, household: householdId });
				residents++;
			}
		}
	}

	const reached = householdsReachedSoFar(random, byHood);
	seedClasses(db, random, payload, reached, volunteers, year);
	seedCampaignProgress(db, random, payload, reached, volunteers, year);
	seedKioskUse(db, random, now);
	return { residents };
}

type Residents = Map<number, { id: number; birthYear: number; household: number }[]>;

/**
 * Mid-campaign, 15–30% of each khu phố's households have not been reached yet: nobody from
 * them has come to a class or shown a skill. They make the dashboards' door-to-door list.
 * Returns the residents of the other households, by khu phố.
 */
function householdsReachedSoFar(random: Random, byHood: Residents): Residents {
	const reached: Residents = new Map();
	for (const [hood, residents] of byHood) {
		const share = 0.15 + random() * 0.15;
		const households = [...new Set(residents.map((r) => r.household))];
		const notYet = new Set(households.filter(() => random() < share));
		reached.set(
			hood,
			residents.filter((r) => !notYet.has(r.household))
		);
	}
	return reached;
}

const OPENED_BEFORE_START_MS = 30 * 60_000;

/**
 * 60 days of classes: most days one or two, in turn across the khu phố. Learners are the
 * khu phố's adults, keener ones coming back; a class often ends with someone's milestone.
 */
function seedClasses(
	db: Db,
	random: Random,
	payload: DemoSeedPayload,
	byHood: Map<number, { id: number; birthYear: number; household: number }[]>,
	volunteers: number[],
	year: number
): void {
	// Each khu phố moves at its own pace, so the dashboards have something to compare.
	const pace = new Map([...byHood.keys()].map((k) => [k, 0.35 + random() * 0.5]));
	const today = vnDay(payload.now);
	let nonce = 0;
	for (let d = HISTORY_DAYS; d >= 0; d--) {
		const day = vnDay(vnDayStart(today) - d * DAY_MS);
		const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
		if (weekday === 0) continue;
		const classes = d === 0 ? 1 : between(random, 1, 2);
		for (let c = 0; c < classes; c++) {
			const hood = between(random, 1, DEMO_NEIGHBORHOODS);
			const [title, topic, walkthrough] = pick(random, TOPICS);
			const startsAt = vnDayStart(day) + (c === 0 ? 8 : 14) * 3600_000;
			if (startsAt > payload.now) continue;
			const volunteer = pick(random, volunteers);
			const sessionId = db.run(
				'INSERT INTO class_sessions (title, topic, walkthrough_id, place, neighborhood_id, starts_at, opened_by, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
				[
					title,
					topic,
					walkthrough,
					`Nhà văn hoá khu phố ${hood}`,
					hood,
					startsAt,
					volunteer,
					// Opened half an hour before the start: the earliest arrivals come 10 minutes early.
					startsAt - OPENED_BEFORE_START_MS,
					d === 0 ? null : startsAt + 2 * 3600_000
				]
			).lastId;
			const adults = byHood.get(hood)!.filter((r) => year - r.birthYear >= 18);
			const count = Math.min(adults.length, between(random, 8, 22));
			const chosen = new Set<number>();
			while (chosen.size < count) {
				// Earlier residents in the list are the regulars: skew the pick towards them.
				chosen.add(adults[Math.floor(random() ** 1.6 * adults.length)].id);
			}
			for (const residentId of chosen) {
				const at = Math.min(payload.now, startsAt + between(random, -10, 35) * 60_000);
				db.run(
					'INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (?, ?, ?, ?, ?, ?, ?)',
					[
						sessionId,
						residentId,
						hood,
						at,
						random() < 0.7 ? 'camera' : random() < 0.5 ? 'scanner' : 'search',
						volunteer,
						`seed-${++nonce}`
					]
				);
				const skills = ['M0', 'M1', ...TOPIC_SKILLS[walkthrough], 'M9', 'M10'];
				for (const skill of skills) {
					if (random() > pace.get(hood)! * 0.55) continue;
					const already = db.value(
						'SELECT count(*) FROM milestones WHERE resident_id = ? AND skill_code = ?',
						[residentId, skill]
					);
					if (already) continue;
					db.run(
						'INSERT INTO milestones (resident_id, skill_code, evidence, achieved_on, witness_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
						[
							residentId,
							skill,
							random() < 0.7 ? 'witnessed' : 'real',
							day,
							volunteer,
							at + 3600_000
						]
					);
				}
			}
		}
	}
}

/**
 * Where a ward stands mid-campaign: in each khu phố a share of adults (45–80%) has shown the
 * basic skills, and in a share of households (50–85%) one adult has shown the four the plan
 * names. Khu phố differ, so the dashboards have gaps to show and households left to visit.
 */
function seedCampaignProgress(
	db: Db,
	random: Random,
	payload: DemoSeedPayload,
	byHood: Map<number, { id: number; birthYear: number; household: number }[]>,
	volunteers: number[],
	year: number
): void {
	const grant = (residentId: number, skill: string) => {
		const held = db.value(
			'SELECT count(*) FROM milestones WHERE resident_id = ? AND skill_code = ?',
			[residentId, skill]
		);
		if (held) return;
		const at = payload.now - between(random, 1, HISTORY_DAYS) * DAY_MS;
		db.run(
			'INSERT INTO milestones (resident_id, skill_code, evidence, achieved_on, witness_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
			[
				residentId,
				skill,
				random() < 0.6 ? 'witnessed' : 'real',
				vnDay(at),
				pick(random, volunteers),
				at
			]
		);
	};
	for (const residents of byHood.values()) {
		const adults = residents.filter((r) => year - r.birthYear >= 18);
		const skilledShare = 0.45 + random() * 0.35;
		const coveredShare = 0.5 + random() * 0.35;
		for (const adult of adults) {
			if (random() < skilledShare) ['M0', 'M2', 'M9'].forEach((skill) => grant(adult.id, skill));
		}
		const households = new Set(adults.map((a) => a.household));
		for (const household of households) {
			if (random() >= coveredShare) continue;
			const members = adults.filter((a) => a.household === household);
			const member = pick(random, members);
			['M4', random() < 0.5 ? 'M5' : 'M6', 'M7', 'M8'].forEach((skill) => grant(member.id, skill));
		}
	}
}

/** Anonymous kiosk use: starts, completions and where people stopped. */
function seedKioskUse(db: Db, random: Random, now: number): void {
	for (let i = 0; i < 400; i++) {
		const [, , walkthrough] = pick(random, TOPICS);
		const at = now - between(random, 0, HISTORY_DAYS * 24 * 60) * 60_000;
		db.run(
			'INSERT INTO lesson_events (walkthrough_id, kind, step, kiosk, at) VALUES (?, ?, ?, ?, ?)',
			[walkthrough, 'start', 1, 'kiosk-1', at]
		);
		const finished = random() < 0.6;
		db.run(
			'INSERT INTO lesson_events (walkthrough_id, kind, step, kiosk, at) VALUES (?, ?, ?, ?, ?)',
			[
				walkthrough,
				finished ? 'complete' : 'leave',
				finished ? null : between(random, 1, 6),
				'kiosk-1',
				at + between(random, 2, 15) * 60_000
			]
		);
	}
}
