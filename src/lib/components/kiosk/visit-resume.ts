import { tabStore } from './lesson-resume';

/**
 * What the person at the kiosk chose for themselves (the text size, "Nói chậm") and a call for
 * a volunteer still on its way, kept in sessionStorage beside the lesson's place (lesson-resume)
 * so that a reload (a volunteer's F5, the tab reloaded after a crash) brings them back to a
 * lesson they can still read, at the speed they can follow, still told that help is coming.
 * Per tab, and wiped with the rest of sessionStorage by the idle reset (KioskSession.reset)
 * and by nothing else: "Về trang chủ" keeps all of it, as it always has.
 */
export const VISIT_KEY = 'tram-hoc-so:visit';
/** Raised when the shape below changes: a visit kept by an older version is then ignored. */
const VERSION = 1;

/** A call the server accepted (its id and time, as it answered) and not yet over. */
export interface KeptCall {
	id: number;
	at: number;
	/** When a volunteer took it ("Tôi đến ngay"), once the kiosk has heard. */
	takenAt: number | null;
	/** Its notice is showing (closing the notice hides it; the call stays on its way). */
	shown: boolean;
}

/** `size` indexes the kiosk's text sizes (0 is normal). */
export interface SavedVisit {
	size: number;
	slow: boolean;
	/** The last touch (ms): a visit left untouched too long is over (KioskSession.resume). */
	touchedAt: number;
	call: KeptCall | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

function keptCall(c: unknown): KeptCall | null | undefined {
	if (c === null) return null;
	if (!isObject(c) || !isTime(c.id) || !isTime(c.at) || typeof c.shown !== 'boolean') return;
	// A volunteer cannot take a call before it was made.
	if (c.takenAt !== null && (!isTime(c.takenAt) || c.takenAt < c.at)) return;
	return { id: c.id, at: c.at, takenAt: c.takenAt, shown: c.shown };
}

/**
 * The kept visit, or null when there is none or any part of it is doubtful (edited by hand,
 * kept by an older version, a size this kiosk no longer offers): then the page starts as for
 * a new person, never with a half-believed mix. `sizes` is how many text sizes there are.
 */
export function parseVisit(raw: string | null, sizes: number): SavedVisit | null {
	let v: unknown;
	try {
		v = JSON.parse(raw ?? '');
	} catch {
		return null;
	}
	if (!isObject(v) || v.v !== VERSION || typeof v.slow !== 'boolean' || !isTime(v.touchedAt)) {
		return null;
	}
	if (!Number.isInteger(v.size) || (v.size as number) < 0 || (v.size as number) >= sizes) {
		return null;
	}
	const call = keptCall(v.call);
	if (call === undefined) return null;
	return { size: v.size as number, slow: v.slow, touchedAt: v.touchedAt, call };
}

export function formatVisit(visit: SavedVisit): string {
	return JSON.stringify({ v: VERSION, ...visit });
}

export function readVisit(sizes: number): SavedVisit | null {
	try {
		return parseVisit(tabStore()?.getItem(VISIT_KEY) ?? null, sizes);
	} catch {
		return null;
	}
}

/**
 * The kept text size, also as a cookie: the server draws a reload at that size
 * ((kiosk)/+layout.server.ts), where it drew the page at the normal size first and the page
 * grew once it came alive. Only the size's number; it ends when the visit would
 * (`until`, ms), and with the visit.
 */
export const SIZE_COOKIE = 'ths-kiosk-size';

/** The size to draw a page at from the cookie's text: a bigger size's index (1…), else null. */
export function sizeFromCookie(value: string | undefined, sizes: number): number | null {
	const size = Number(value);
	return Number.isInteger(size) && size > 0 && size < sizes && value === String(size) ? size : null;
}

/**
 * Keeps the visit as it is now, until `until` (ms: when it would have ended untouched); null
 * (nothing chosen, no call) keeps nothing.
 */
export function keepVisit(visit: SavedVisit | null, until: number, now = Date.now()): void {
	try {
		const s = tabStore();
		if (visit === null) s?.removeItem(VISIT_KEY);
		else s?.setItem(VISIT_KEY, formatVisit(visit));
	} catch {
		// full or disabled: a reload then starts with the kiosk's normal settings
	}
	if (typeof document === 'undefined') return;
	const seconds = Math.floor((until - now) / 1000);
	document.cookie =
		visit && visit.size > 0 && seconds > 0
			? `${SIZE_COOKIE}=${visit.size}; Path=/; Max-Age=${seconds}; SameSite=Strict`
			: `${SIZE_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
}
