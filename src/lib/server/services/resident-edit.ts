import type { Actor } from '../../domain/actor';
import type { Resident } from '../../domain/checkin-people';
import {
	changedFields,
	EDITABLE_FIELDS,
	NO_EDIT_AFTER_WITHDRAWAL,
	type PersonFields
} from '../../domain/resident-change';
import type { ResidentMovePayload, ResidentUpdatePayload } from '../ops/resident-update';
import { consentWithdrawn, getResident } from '../repositories/residents';
import type { DataStore } from '../store/data-store';
import { ADULT_AGE, childsOwnConsent, consentYear, underAgeIn } from '../../domain/consent';
import { formatDate } from '../../domain/time';
import { fail, failFields, ok, positiveId, writeOp, type Result } from './people';
import {
	checkConsent,
	checkPerson,
	consentFitsPerson,
	duplicateOf,
	type ConsentRecord,
	type TwinsResult
} from './residents';
import { householdOf, residentOf } from './scoped';

/**
 * Corrects a saved resident: any of fullName, birthYear, phone (null or "" removes it) and
 * relationship; a field not given keeps its value. Who may is who may register them (the
 * callers' requireRole; a head only in their own khu phố, residentOf). The fields are checked
 * by the registering rules and words (checkPerson), and a new name or year that makes them
 * likely someone else of the khu phố is refused as registering refuses it (duplicateOf) unless
 * `allowDuplicate: true`. A new birth year that makes their consent a child's own comes with a
 * new `consent` (consentForBirthYear). Nothing changed is no write and no audit row.
 */
export async function updateResident(
	store: DataStore,
	actor: Actor,
	id: number,
	input: Record<string, unknown>,
	{ now = Date.now(), device = '' } = {}
): Promise<TwinsResult<Resident>> {
	const found = residentOf(store, actor, id);
	if (!found.ok) return found;
	if (consentWithdrawn(store.db, id)) {
		return fail(409, 'consent_withdrawn', NO_EDIT_AFTER_WITHDRAWAL);
	}
	const given = EDITABLE_FIELDS.filter((field) => input[field] !== undefined);
	if (given.length === 0) {
		return fail(
			400,
			'nothing_to_change',
			'Cần ít nhất một trong "fullName", "birthYear", "phone", "relationship".'
		);
	}
	const before: PersonFields = {
		fullName: found.value.fullName,
		birthYear: found.value.birthYear,
		phone: found.value.phone,
		relationship: found.value.relationship
	};
	const checked = checkPerson(
		{ ...before, ...Object.fromEntries(given.map((field) => [field, input[field]])) },
		now
	);
	if (!checked.ok) return checked;
	const { fullName, birthYear, phone, relationship } = checked.value;
	const after: PersonFields = { fullName, birthYear, phone, relationship };
	const changed = changedFields(before, after);
	if (changed.length === 0) return ok(found.value);
	const whoChanged = changed.includes('fullName') || changed.includes('birthYear');
	if (whoChanged && input.allowDuplicate !== true) {
		const { householdId, neighborhoodId, neighborhoodName } = found.value;
		const household = { id: householdId, neighborhoodId, neighborhoodName };
		const duplicate = duplicateOf(store, household, fullName, birthYear, id);
		if (duplicate) return duplicate;
	}
	const consent = changed.includes('birthYear')
		? consentForBirthYear(store, id, birthYear, input.consent, now)
		: ok(undefined);
	if (!consent.ok) return consent;
	const payload: ResidentUpdatePayload = {
		residentId: id,
		...after,
		device,
		...(consent.value ? { consent: consent.value } : {})
	};
	const written = await writeOp(store, actor, 'residents.update', payload);
	return written.ok ? ok(getResident(store.db, id)!) : written;
}

/**
 * A corrected birth year can show that the person was under 18 when they consented on their
 * own, which a child cannot do (Decree 13/2023/NĐ-CP, Art. 20; domain/consent.ts). Then the
 * correction must bring a consent that fits them now: a guardian's, by name, while they are
 * under 18, else their own. It is checked as registering checks one (checkConsent,
 * consentFitsPerson) and stored with the correction in one op; the old consent stays in their
 * history. Without it the correction is refused (400 consent_renewal_required), so the year is
 * never fixed while the consent silently no longer holds. Undefined: the consent still fits.
 */
function consentForBirthYear(
	store: DataStore,
	id: number,
	birthYear: number,
	input: unknown,
	now: number
): Result<ConsentRecord | undefined> {
	const current = store.db.get<{ method: ConsentRecord['method']; taken_at: number }>(
		`SELECT method, taken_at FROM consents WHERE resident_id = ? AND withdrawn_at IS NULL
		 ORDER BY taken_at DESC, id DESC LIMIT 1`,
		[id]
	);
	// Only a child's own consent is at stake: a guardian's fits any year.
	if (!current || !childsOwnConsent(current.method, current.taken_at, birthYear)) {
		return ok(undefined);
	}
	if (input === undefined || input === null) {
		const whose = underAgeIn(birthYear, consentYear(now)) ? 'của người giám hộ ' : '';
		return failFields(400, [
			{
				field: 'consentMethod',
				reason: 'consent_renewal_required',
				message: `Sinh năm ${birthYear} thì ngày đồng ý (${formatDate(current.taken_at)}) người này chưa đủ ${ADULT_AGE} tuổi: cần ghi lại sự đồng ý ${whose}rồi mới lưu được.`
			}
		]);
	}
	const given = checkConsent(input, now);
	if (!given.ok) return given;
	const misfit = consentFitsPerson(given.value, birthYear);
	return misfit ? failFields(400, [misfit]) : ok(given.value);
}

/**
 * Moves a saved resident to another household (`householdId`, a number or its text). Who may
 * is who may register them in both households: a head only within their own khu phố
 * (residentOf, householdOf). Their card, consents, milestones and check-ins go with them; a
 * past day's report keeps their check-ins in the household they lived in then (the op keeps
 * the move). The household they already live in is no write and no audit row.
 */
export async function moveResident(
	store: DataStore,
	actor: Actor,
	id: number,
	householdId: unknown,
	{ device = '' } = {}
): Promise<Result<Resident>> {
	const found = residentOf(store, actor, id);
	if (!found.ok) return found;
	if (consentWithdrawn(store.db, id)) {
		return fail(409, 'consent_withdrawn', NO_EDIT_AFTER_WITHDRAWAL);
	}
	const target = positiveId(householdId);
	if (target === null) return fail(400, 'invalid', 'Cần "householdId": hộ gia đình mới.');
	const household = householdOf(store, actor, target);
	if (!household.ok) return household;
	if (target === found.value.householdId) return ok(found.value);
	const payload: ResidentMovePayload = { residentId: id, householdId: target, device };
	const written = await writeOp(store, actor, 'residents.move', payload);
	return written.ok ? ok(getResident(store.db, id)!) : written;
}
