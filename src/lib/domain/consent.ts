import { CONSENT_LABELS } from './checkin-people';
import { vnDay } from './time';

/**
 * A child's consent (Decree 13/2023/NĐ-CP on personal data protection, Art. 20): the data of a
 * person under 18 is processed with the consent of a parent or guardian. The age is counted
 * in years, as the forms ask for a birth year only: under 18 in the year the consent was
 * given. Here so the server's check (services/residents.ts) and the form's hint before sending
 * (components/checkin/MemberFields.svelte) count alike.
 */
export const ADULT_AGE = 18;

/** The year (in Vietnam) of a consent given at `at` (ms). */
export const consentYear = (at: number) => Number(vnDay(at).slice(0, 4));

/** Under 18 in `year`, by the birth year. */
export const underAgeIn = (birthYear: number, year: number) => year - birthYear < ADULT_AGE;

/**
 * A consent given at `at` (ms) by a person born in `birthYear` on their own (not a
 * guardian's) while under 18: one that cannot stand.
 */
export const childsOwnConsent = (method: string, at: number, birthYear: number) =>
	method !== 'guardian' && underAgeIn(birthYear, consentYear(at));

export const GUARDIAN_REQUIRED = `Người dưới ${ADULT_AGE} tuổi cần người giám hộ đồng ý: chọn “${CONSENT_LABELS.guardian}” và ghi tên người giám hộ.`;
export const GUARDIAN_NAME_REQUIRED = 'Cần ghi họ tên người giám hộ.';
/** The guardian's name field, as its refusals name it ("Họ tên người giám hộ quá dài…"). */
export const GUARDIAN_NAME_LABEL = 'Họ tên người giám hộ';
