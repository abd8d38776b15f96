import { randomBytes } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { cardCodeFromBytes } from '../../domain/card-code';
import { nameCase } from '../../domain/name-case';
import { cleanText, straightApostrophes } from '../../domain/text';
import { EARLIEST_INSTANT, parseIsoInstant } from '../../domain/time';
import type { Actor } from '../../domain/actor';
import { isProblem } from '../http/problem';
import type { DataStore } from '../store/data-store';

/** What is wrong with one field of a form: which field, the reason, and what to tell the user. */
export interface FieldProblem {
	field: string;
	reason: string;
	message: string;
}

/**
 * A service's answer: a value, or a reason with a Vietnamese message and its HTTP status.
 * A refused form may also say everything that is wrong with it (`problems`, the first of
 * them being `reason` and `message`), so all of it is corrected in one go.
 */
export type Result<T> =
	| { ok: true; value: T }
	| { ok: false; status: number; reason: string; message: string; problems?: FieldProblem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(status: number, reason: string, message: string): Result<T> => ({
	ok: false,
	status,
	reason,
	message
});

/**
 * Runs an op; a refusal it throws becomes a Result. A service checks before it writes, but
 * another device may be quicker in between (the card revoked, the household removed): the
 * op's own check then answers, with the same words, instead of a 500.
 */
export async function writeOp<T>(
	store: DataStore,
	actor: Actor,
	type: string,
	payload: unknown
): Promise<Result<T>> {
	try {
		return ok(await store.write<T>(type, payload, actor.id));
	} catch (error) {
		if (!isProblem(error)) throw error;
		return fail<T>(error.status, error.reason, error.message);
	}
}

/** A refusal listing every problem found (there is at least one). */
export function failFields<T = never>(status: number, problems: FieldProblem[]): Result<T> {
	const [first] = problems;
	return { ok: false, status, reason: first.reason, message: first.message, problems };
}

/**
 * What a refused form shows: a line above it, and each field's problem under that field
 * (the field's name → its message; the first problem of a field wins). The line says how
 * many things to correct, also when there is one: it used to repeat that one field's words,
 * so the same problem stood twice (above the form and under the field), while two problems
 * got the count. A refusal about no field keeps its own words. `shownAs` names the form's field that
 * stands for a service's field of another name (the new household's head is its first
 * member's "Họ và tên").
 */
export function fieldErrors(
	results: Result<unknown>[],
	shownAs: Record<string, string> = {}
): { message: string; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	let first = '';
	for (const r of results) {
		if (r.ok) continue;
		first ||= r.message;
		for (const p of r.problems ?? []) errors[shownAs[p.field] ?? p.field] ??= p.message;
	}
	const count = Object.keys(errors).length;
	return {
		message: count > 0 ? problemsLine(count) : first,
		errors
	};
}

/**
 * A refusal of a service that names its problem by a reason, not by a field (opening a class,
 * recording a milestone), shown as fieldErrors shows one: under the field `fieldOf` gives for
 * the reason. A reason about no field keeps its one line above the form.
 */
export function reasonFieldErrors(
	refusal: { reason: string; message: string },
	fieldOf: Record<string, string>
): { message: string; errors: Record<string, string> } {
	const field = fieldOf[refusal.reason];
	if (!field) return { message: refusal.message, errors: {} };
	return { message: problemsLine(1), errors: { [field]: refusal.message } };
}

/** The line above a form whose fields the server refused; what is wrong is under each field. */
export function problemsLine(count: number): string {
	return count > 1
		? `Có ${count} chỗ cần sửa, ghi bằng chữ đỏ dưới từng ô.`
		: 'Có 1 chỗ cần sửa, ghi bằng chữ đỏ dưới ô đó.';
}

/** The error JSON every endpoint returns: `{"status":"error","reason","message"}`. */
export function errorResponse(r: { status: number; reason: string; message: string }): Response {
	return json({ status: 'error', reason: r.reason, message: r.message }, { status: r.status });
}

/** A fresh card code from the OS's randomness (160 bits; the code keeps ≥ 128). */
export function newCardCode(): string {
	return cardCodeFromBytes(randomBytes(20));
}

/** A typed field: cleaned, or what is wrong with it in words that say which problem it is. */
export type Checked = { ok: true; text: string } | { ok: false; message: string };

const refused = (message: string): Checked => ({ ok: false, message });

/** "Họ tên chủ hộ" as said inside a sentence: "Thiếu họ tên chủ hộ." */
const inSentence = (label: string) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

/** What a name may hold: letters (any script's) with their marks, spaces, and . ' - */
const NAME_CHARACTER = /^[\p{L}\p{M} .'-]$/u;

const GRAPHEMES = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * The characters of a name it may not hold, each once, as the eye sees them (an emoji with its
 * skin tone is one): at most five, enough to find them.
 */
function unusable(name: string): string[] {
	const odd = new Set<string>();
	for (const { segment } of GRAPHEMES.segment(name)) {
		if (![...segment].every((c) => NAME_CHARACTER.test(c))) odd.add(segment);
	}
	return [...odd].slice(0, 5);
}

/**
 * A person's name as typed, cleaned (cleanText; the curly ’ an iPhone types and the other
 * apostrophe look-alikes as the straight ', so "H’Hen Niê" is stored "H'Hen Niê"), written with
 * its capitals if it was typed all in small letters or all in capitals (nameCase: "nguyễn văn
 * an", quick on a phone, printed so on the card and said so on the scanner), or what is
 * wrong with it, told apart: missing, too long, a character it may not hold (named), not
 * starting with a letter, too short. One message for all of them read like the box was empty
 * to a name too long, and "không có số" to an emoji. `label` is the field's, "Họ tên" or
 * "Họ tên chủ hộ".
 */
export function checkName(value: unknown, label: string): Checked {
	if (value !== undefined && value !== null && typeof value !== 'string') {
		return refused(`${label} phải là chữ.`);
	}
	const name = straightApostrophes(cleanText(value ?? ''));
	if (name === '') return refused(`Thiếu ${inSentence(label)}.`);
	if (name.length > 100) return refused(`${label} quá dài (tối đa 100 ký tự).`);
	const odd = unusable(name);
	if (odd.length > 0) {
		return refused(`${label} có ký tự không dùng được: ${odd.map((c) => `“${c}”`).join(', ')}.`);
	}
	if (!/^\p{L}/u.test(name)) return refused(`${label} phải bắt đầu bằng chữ cái.`);
	if (name.length < 2) return refused(`${label} quá ngắn (ít nhất 2 chữ cái).`);
	return { ok: true, text: nameCase(name) };
}

/**
 * A line of text as typed (an address, a title), cleaned, between `min` and `max` characters,
 * or what is wrong with it: missing (a line of only punctuation or accents says nothing), too
 * long or too short, with the limit. `label` is the field's, "Địa chỉ".
 */
export function checkLine(value: unknown, min: number, max: number, label: string): Checked {
	if (value !== undefined && value !== null && typeof value !== 'string') {
		return refused(`${label} phải là chữ.`);
	}
	// cleanText has taken out the invisible characters; < and > go too (no markup). A line of
	// only punctuation or accents says nothing: at least one letter or digit.
	const text = cleanText(value ?? '')
		.replace(/[<>]/g, '')
		.trim();
	if (!/[\p{L}\p{N}]/u.test(text)) return refused(`Thiếu ${inSentence(label)}.`);
	if (text.length > max) return refused(`${label} quá dài (tối đa ${max} ký tự).`);
	if (text.length < min) return refused(`${label} quá ngắn (ít nhất ${min} ký tự).`);
	return { ok: true, text };
}

/** checkLine's cleaned line, or null: for a field whose refusal has words of its own. */
export function cleanLine(value: unknown, min: number, max: number): string | null {
	if (typeof value !== 'string') return null;
	const checked = checkLine(value, min, max, '');
	return checked.ok ? checked.text : null;
}

/** Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx, spaces and dots allowed. */
export function cleanPhone(value: unknown): string | null | undefined {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string') return undefined;
	const digits = value.replace(/[\s.-]/g, '').replace(/^\+84/, '0');
	return /^0\d{9,10}$/.test(digits) ? digits : undefined;
}

export function validBirthYear(value: unknown, now: number): number | null {
	const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : value;
	const thisYear = new Date(now).getUTCFullYear();
	return Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= thisYear
		? (year as number)
		: null;
}

/** A time given as Unix ms or an ISO 8601 string (a real day; no offset means Vietnam's). */
export function parseInstant(value: unknown): number | null {
	const ms =
		typeof value === 'number' && Number.isSafeInteger(value)
			? value
			: typeof value === 'string'
				? parseIsoInstant(value)
				: null;
	return ms !== null && ms >= EARLIEST_INSTANT ? ms : null;
}

export function positiveId(value: unknown): number | null {
	const n = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
	return Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : null;
}
