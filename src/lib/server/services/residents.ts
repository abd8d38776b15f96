import { listedNeighborhood, worksIn, type Actor } from '../../domain/actor';
import {
	addressLine,
	NAME_SEARCH_TOO_SHORT,
	nameSearchTooShort,
	type Household,
	type NeighborTwin,
	type Resident,
	type ResidentMatch
} from '../../domain/checkin-people';
import type { HouseholdCreatePayload } from '../ops/households';
import type { ConsentMethod, ResidentCreatePayload } from '../ops/residents';
import {
	childsOwnConsent,
	GUARDIAN_NAME_LABEL,
	GUARDIAN_NAME_REQUIRED,
	GUARDIAN_REQUIRED
} from '../../domain/consent';
import { isIsoDay, vnDay, vnDayStart } from '../../domain/time';
import { neighborhoods } from '../repositories/neighborhoods';
import * as repo from '../repositories/residents';
import { getSession } from '../repositories/sessions';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import {
	checkLine,
	checkName,
	cleanLine,
	cleanPhone,
	fail,
	failFields,
	type FieldProblem,
	newCardCode,
	ok,
	parseInstant,
	positiveId,
	validBirthYear,
	writeOp,
	type Result
} from './people';
import { householdOf, residentOf } from './scoped';

const CONSENT_METHODS: ConsentMethod[] = ['paper', 'verbal', 'guardian'];

/**
 * Checks a new household; every field, like checkResident. A head adds households only to
 * their own khu phố: another is refused outright (403), since their form never offers it.
 */
export function checkHousehold(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>
): Result<HouseholdCreatePayload> {
	const problems: FieldProblem[] = [];
	const neighborhoodId = positiveId(input.neighborhoodId);
	if (neighborhoodId && !worksIn(actor, neighborhoodId)) {
		return failFields(403, [
			{
				field: 'neighborhoodId',
				reason: 'forbidden',
				message: 'Khu phố này không phải khu phố của bạn.'
			}
		]);
	}
	if (!neighborhoodId || !neighborhoods(store.db).some((n) => n.id === neighborhoodId)) {
		problems.push({
			field: 'neighborhoodId',
			reason: 'unknown_neighborhood',
			message: 'Xin chọn khu phố.'
		});
	}
	const address = checkLine(input.address, 3, 200, 'Địa chỉ');
	if (!address.ok) {
		problems.push({ field: 'address', reason: 'invalid_address', message: address.message });
	}
	const headName = checkName(input.headName, 'Họ tên chủ hộ');
	if (!headName.ok) {
		problems.push({ field: 'headName', reason: 'invalid_name', message: headName.message });
	}
	if (!address.ok || !headName.ok || problems.length > 0) return failFields(400, problems);
	return ok({ neighborhoodId: neighborhoodId!, address: address.text, headName: headName.text });
}

export async function createHousehold(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<Household>> {
	const checked = checkHousehold(store, actor, input);
	if (!checked.ok) return checked;
	// The same household posted again (a retried request, a second volunteer's form): the
	// same address in the khu phố and the same head. Several households may share an address
	// (a house of two hộ), so only with the same head, and `allowDuplicate: true` still adds it.
	const same =
		input.allowDuplicate === true ? undefined : repo.sameHousehold(store.db, checked.value);
	if (same) {
		return fail(
			409,
			'duplicate_household',
			`Khu phố này đã có hộ của ${same.headName} ở địa chỉ này (hộ số ${same.id}). Xin thêm người vào hộ đó.`
		);
	}
	const made = await writeOp<{ id: number }>(store, actor, 'households.create', checked.value);
	return made.ok ? ok(repo.getHousehold(store.db, made.value.id)!) : made;
}

/** Residents of the khu phố with likely this name and this birth year (the same person again?). */
export function neighborTwins(
	store: DataStore,
	neighborhoodId: unknown,
	fullName: string,
	birthYear: number
) {
	const id = positiveId(neighborhoodId);
	return id ? repo.findNeighborTwins(store.db, id, fullName, birthYear) : [];
}

export interface NewResident {
	householdId: number;
	fullName: string;
	birthYear: number;
	phone: string | null;
	relationship: string;
	consent: ResidentCreatePayload['consent'];
}

/** Who gave consent, how, and when: stored before the resident is (ops/residents.ts). */
export type ConsentRecord = ResidentCreatePayload['consent'];

/**
 * Checks a consent record: how it was given (paper, verbal, guardian), who took it, when
 * (`at`, now if not given; never in the future), and the guardian's full name (`guardianName`,
 * optional here, checked as a name; kept only with the guardian's consent). Each missing or
 * wrong part is a problem of its own field: consentMethod, consentTakenBy, consentAt,
 * consentGuardianName. Whether the record fits the person is consentFitsPerson's.
 */
export function checkConsent(input: unknown, now: number): Result<ConsentRecord> {
	const problems: FieldProblem[] = [];
	const problem = (field: string, message: string, reason = 'consent_required') =>
		problems.push({ field, reason, message });
	if (typeof input !== 'object' || input === null) {
		return failFields(400, [
			{
				field: 'consentMethod',
				reason: 'consent_required',
				message: 'Cần ghi sự đồng ý của người dân trước khi lưu.'
			}
		]);
	}
	const consent = input as Record<string, unknown>;
	const method = consent.method as ConsentMethod;
	const takenBy = cleanLine(consent.takenBy, 2, 100);
	const at = consent.at === undefined ? now : parseInstant(consent.at);
	// Left out, null or an empty field: no name given (a form sends its empty field).
	const nameGiven = ![undefined, null, ''].includes(consent.guardianName as never);
	const guardianName = nameGiven ? checkName(consent.guardianName, GUARDIAN_NAME_LABEL) : undefined;
	if (!CONSENT_METHODS.includes(method)) {
		problem('consentMethod', 'Xin chọn cách người dân đồng ý (giấy, lời nói, giám hộ).');
	}
	if (!takenBy) problem('consentTakenBy', 'Xin ghi tên người nhận sự đồng ý.');
	if (at === null || at > now + 5 * 60_000) {
		problem(
			'consentAt',
			'Thời điểm đồng ý không hợp lệ: ghi ngày (2026-12-02) hoặc ngày giờ (2026-12-02T08:00), không sau lúc này.'
		);
	}
	if (guardianName && !guardianName.ok && method === 'guardian') {
		problem('consentGuardianName', guardianName.message, 'invalid_guardian_name');
	}
	if (problems.length > 0) return failFields(400, problems);
	// A guardian's name beside a paper or verbal consent (typed, then another choice made on a
	// form without JavaScript, where the field is always there) is not the person's consent:
	// not kept, so the record says nothing it does not mean.
	return ok({
		method,
		takenBy: takenBy!,
		at: at!,
		...(method === 'guardian' && guardianName?.ok ? { guardianName: guardianName.text } : {})
	});
}

/**
 * Whether a valid consent record fits the person it is for (Decree 13/2023/NĐ-CP, Art. 20):
 * someone under 18 in the year of the consent (domain/consent.ts) is stored only with a
 * guardian's consent, and any guardian's consent (a child's, or an adult's under
 * guardianship) names the guardian. The one rule for the forms, the API and import; a problem
 * of the field to correct, or undefined. `birthYear` null (not valid itself): only the name.
 */
export function consentFitsPerson(
	consent: ConsentRecord,
	birthYear: number | null
): FieldProblem | undefined {
	if (birthYear !== null && childsOwnConsent(consent.method, consent.at, birthYear)) {
		return {
			field: 'consentMethod',
			reason: 'guardian_required',
			message: GUARDIAN_REQUIRED
		};
	}
	if (consent.method === 'guardian' && !consent.guardianName) {
		return {
			field: 'consentGuardianName',
			reason: 'guardian_name_required',
			message: GUARDIAN_NAME_REQUIRED
		};
	}
	return undefined;
}

/** What the registering forms say under "Ngày đồng ý" when it is not a day up to today. */
export const CONSENT_DAY_PROBLEM = 'Xin chọn ngày người dân đồng ý, không sau hôm nay.';

/**
 * A registering form's consent: how it was given, who took it, and the day ("Ngày đồng ý").
 * A paper signed at a meeting is often typed in days later, and the consent is of the day it
 * was signed: it was always recorded as the moment of typing. Today (or the day left out) is
 * now, to the minute; an earlier day is that day's start in Vietnam; anything else goes on to
 * checkConsent as it came, to be refused there.
 */
export function formConsent(form: Record<string, string | undefined>, now: number) {
	const day = form.consentAt ?? '';
	const at = day === '' || day === vnDay(now) ? undefined : isIsoDay(day) ? vnDayStart(day) : day;
	return {
		method: form.consentMethod,
		takenBy: form.consentTakenBy,
		at,
		guardianName: form.consentGuardianName
	};
}

/** A registering form's problems, with "Ngày đồng ý"'s said in the form's words (not the API's). */
export function inFormWords<T extends { errors: Record<string, string> }>(shown: T): T {
	if (shown.errors.consentAt) shown.errors.consentAt = CONSENT_DAY_PROBLEM;
	return shown;
}

/**
 * Checks a new resident, consent included; the same rules for the form, the API and import.
 * Every field is checked, so a form can show all that is wrong at once; the API answers with
 * the first problem (and the list).
 */
export function checkResident(
	input: Record<string, unknown>,
	now: number
): Result<Omit<NewResident, 'householdId'> & { householdId: number | null }> {
	const person = checkPerson(input, now);
	const consent = checkConsent(input.consent, now);
	const problems = [person, consent].flatMap((r) => (r.ok ? [] : (r.problems ?? [])));
	// A child's consent is checked with their birth year; a name alone without one.
	const birthYear = validBirthYear(input.birthYear, now);
	const unfit = consent.ok ? consentFitsPerson(consent.value, birthYear) : undefined;
	if (unfit) problems.push(unfit);
	if (!person.ok || !consent.ok || unfit) return failFields(400, problems);
	return ok({ ...person.value, consent: consent.value });
}

/**
 * Checks a person's own fields (name, birth year, phone, relationship), without consent: an
 * import checks its one consent once, for every row (services/import.ts).
 */
export function checkPerson(
	input: Record<string, unknown>,
	now: number
): Result<Omit<NewResident, 'householdId' | 'consent'> & { householdId: number | null }> {
	const problems: FieldProblem[] = [];
	const problem = (field: string, reason: string, message: string) => {
		problems.push({ field, reason, message });
		return null;
	};
	const name = checkName(input.fullName, 'Họ tên');
	const fullName = name.ok ? name.text : problem('fullName', 'invalid_name', name.message);
	const birthYear =
		validBirthYear(input.birthYear, now) ??
		problem(
			'birthYear',
			'invalid_birth_year',
			`Năm sinh phải là năm có 4 chữ số, từ 1900 đến ${new Date(now).getUTCFullYear()}.`
		);
	const phone = cleanPhone(input.phone);
	if (phone === undefined) {
		problem('phone', 'invalid_phone', 'Số điện thoại phải có 10–11 chữ số, bắt đầu bằng 0.');
	}
	const relationship =
		input.relationship === undefined || input.relationship === ''
			? ''
			: (cleanLine(input.relationship, 1, 40) ??
				problem(
					'relationship',
					'invalid_relationship',
					typeof input.relationship === 'string'
						? 'Quan hệ với chủ hộ quá dài (tối đa 40 ký tự).'
						: 'Quan hệ với chủ hộ phải là chữ, ví dụ "Vợ".'
				));
	if (problems.length > 0) return failFields(400, problems);
	return ok({
		householdId: positiveId(input.householdId),
		fullName: fullName!,
		birthYear: birthYear!,
		phone: phone!,
		relationship: relationship!
	});
}

/** A refusal that names whom the person added or corrected may already be (409 `duplicate`). */
export type TwinsResult<T> = Result<T> & { twins?: NeighborTwin[] };

/**
 * The likely-duplicate rule where one person is added or corrected by hand (a member, the API,
 * an edit): someone of the household's khu phố with the same birth year and likely the same
 * name (findNeighborTwins, as the new-household form and import ask it; the household's own
 * members are in the khu phố too), but `exceptId`, the person corrected. Tran Minh Khoi added
 * to one household of Khu phố 3 is likely the Trần Minh Khôi of another. A 409 `duplicate` that
 * says where each of them lives, or undefined when there is none.
 */
export function duplicateOf(
	store: DataStore,
	household: Pick<Household, 'id' | 'neighborhoodId' | 'neighborhoodName'>,
	fullName: string,
	birthYear: number,
	exceptId = 0
): TwinsResult<never> | undefined {
	const hood = household.neighborhoodId;
	const twins = repo.findNeighborTwins(store.db, hood, fullName, birthYear, exceptId);
	if (twins.length === 0) return undefined;
	const where = twins
		.map(
			(t) =>
				`${t.fullName} (${t.birthYear}), ${
					t.householdId === household.id
						? 'ngay trong hộ này'
						: `hộ ở ${addressLine(t.address, household.neighborhoodName)}`
				}`
		)
		.join('; ');
	return {
		ok: false,
		status: 409,
		reason: 'duplicate',
		message: `Khu phố này đã có người cùng họ tên và năm sinh: ${where}.`,
		twins
	};
}

export async function createResident(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>,
	now = Date.now()
): Promise<TwinsResult<Resident>> {
	const checked = checkResident(input, now);
	if (!checked.ok) return checked;
	const household = householdOf(store, actor, checked.value.householdId ?? 0);
	if (!household.ok) return household;
	const householdId = household.value.id;
	if (input.allowDuplicate !== true) {
		const { fullName, birthYear } = checked.value;
		const duplicate = duplicateOf(store, household.value, fullName, birthYear);
		if (duplicate) return duplicate;
	}
	const payload: ResidentCreatePayload = {
		...checked.value,
		householdId,
		cardCode: newCardCode()
	};
	const made = await writeOp<{ id: number }>(store, actor, 'residents.create', payload);
	return made.ok ? ok(repo.getResident(store.db, made.value.id)!) : made;
}

/**
 * A name search (3 letters at least: fewer would list half the ward); at a class
 * (`sessionId`), each person says whether they are checked in to it and the class's khu phố
 * comes first. A head finds only their own khu phố's people, at a class too; checking in
 * itself stays open to anyone's card.
 */
export function searchResidents(
	store: DataStore,
	actor: Actor,
	q: string,
	neighborhoodId?: number,
	sessionId?: number
): Result<ResidentMatch[]> {
	if (nameSearchTooShort(q ?? '')) return fail(400, 'query_too_short', NAME_SEARCH_TOO_SHORT);
	const session = sessionId === undefined ? undefined : getSession(store.db, sessionId);
	if (sessionId !== undefined && !session) return fail(404, 'no_session', 'Không có buổi học này.');
	const hood = listedNeighborhood(actor, neighborhoodId);
	if (hood === null) return ok([]);
	return ok(repo.searchResidents(store.db, q ?? '', hood, session));
}

/** One resident's page: a view of personal data, so it is audited (a refusal is not). */
export async function viewResident(store: DataStore, actor: Actor, id: number, device = '') {
	const found = residentOf(store, actor, id);
	if (!found.ok) return found;
	await auditRead(store, actor, { action: 'resident.view', subject: `resident:${id}`, device });
	return ok({
		resident: found.value,
		cards: repo.residentCards(store.db, id),
		consents: repo.residentConsents(store.db, id),
		attendance: repo.residentAttendance(store.db, id),
		lessonsDone: repo.residentLessonsDone(store.db, id),
		/** Every consent withdrawn: the page offers no edit (nothing new is recorded of them). */
		withdrawn: repo.consentWithdrawn(store.db, id)
	});
}

export function householdPage(store: DataStore, actor: Actor, id: number) {
	const found = householdOf(store, actor, id);
	if (!found.ok) return found;
	return ok({ household: found.value, members: repo.householdMembers(store.db, id) });
}

export const listNeighborhoods = (store: DataStore) => neighborhoods(store.db);
/** The khu phố a person works in, for the pages' lists and selects: a head's own only. */
export const neighborhoodsFor = (store: DataStore, actor: Actor) =>
	neighborhoods(store.db).filter((n) => worksIn(actor, n.id));
export const listPlaces = (store: DataStore) => repo.places(store.db);
/** The households of a khu phố; none for a head asking about another (lists leave it out). */
export function listHouseholds(store: DataStore, actor: Actor, neighborhoodId: number) {
	const hood = listedNeighborhood(actor, neighborhoodId);
	return hood ? repo.householdsOf(store.db, hood) : [];
}
