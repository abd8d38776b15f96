import { randomBytes } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { cardCodeFromBytes } from '../../domain/card-code';
import { cleanText } from '../../domain/text';
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

/** Names: letters (any script's), spaces, and the few marks names carry. */
const NAME = /^[\p{L}][\p{L}\p{M} .'-]*$/u;

export function cleanName(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const name = cleanText(value);
	return name.length >= 2 && name.length <= 100 && NAME.test(name) ? name : null;
}

export function cleanLine(value: unknown, min: number, max: number): string | null {
	if (typeof value !== 'string') return null;
	// cleanText has taken out the invisible characters; < and > go too (no markup). A line of
	// only punctuation or accents says nothing: at least one letter or digit.
	const text = cleanText(value).replace(/[<>]/g, '').trim();
	return text.length >= min && text.length <= max && /[\p{L}\p{N}]/u.test(text) ? text : null;
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
