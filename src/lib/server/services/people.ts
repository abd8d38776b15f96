import { randomBytes } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { cardCodeFromBytes } from '../../domain/card-code';
import { cleanText } from '../../domain/text';

/** A service's answer: a value, or a reason with a Vietnamese message and its HTTP status. */
export type Result<T> =
	{ ok: true; value: T } | { ok: false; status: number; reason: string; message: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(status: number, reason: string, message: string): Result<T> => ({
	ok: false,
	status,
	reason,
	message
});

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
	const text = cleanText(value).replace(/[\p{Cc}<>]/gu, '');
	return text.length >= min && text.length <= max ? text : null;
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

/** A time given as Unix ms or an ISO 8601 string. */
export function parseInstant(value: unknown): number | null {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
		const ms = Date.parse(value);
		return Number.isNaN(ms) ? null : ms;
	}
	return null;
}

export function positiveId(value: unknown): number | null {
	const n = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
	return Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : null;
}
