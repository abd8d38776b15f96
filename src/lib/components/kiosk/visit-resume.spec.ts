import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	COUNTDOWN_S,
	IDLE_MS,
	KioskSession,
	TEXT_SIZES,
	WAITING_FOR_HELP_MS
} from './kiosk-session.svelte';
import {
	formatVisit,
	keepVisit,
	parseVisit,
	readVisit,
	SIZE_COOKIE,
	sizeFromCookie,
	VISIT_KEY,
	type SavedVisit
} from './visit-resume';

const sizes = TEXT_SIZES.length;
const at = Date.UTC(2026, 10, 2, 1, 5);

/** The biggest text, slow speech, and a call a volunteer has taken. */
function waiting(): SavedVisit {
	return {
		size: sizes - 1,
		slow: true,
		touchedAt: at + 120_000,
		call: { id: 7, at, takenAt: at + 60_000, shown: true }
	};
}

/** The stored text with `change` applied to its parsed form (as a hand or old version would). */
function edited(change: (v: Record<string, unknown> & { call?: Record<string, unknown> }) => void) {
	const v = JSON.parse(formatVisit(waiting()));
	change(v);
	return JSON.stringify(v);
}

describe('the visit kept for a reload', () => {
	it('reads back what was written', () => {
		expect(parseVisit(formatVisit(waiting()), sizes)).toEqual(waiting());
		const plain = { size: 1, slow: false, touchedAt: at, call: null };
		expect(parseVisit(formatVisit(plain), sizes)).toEqual(plain);
		const untaken = { ...waiting(), call: { id: 8, at, takenAt: null, shown: false } };
		expect(parseVisit(formatVisit(untaken), sizes)).toEqual(untaken);
	});

	it('is ignored whole when anything in it is doubtful, and never throws', () => {
		const stale = [
			null,
			'',
			'not json',
			'{"v":1,"size":',
			'[]',
			'null',
			edited((v) => (v.v = 0)),
			edited((v) => delete v.v),
			// a size this kiosk does not offer
			edited((v) => (v.size = sizes)),
			edited((v) => (v.size = -1)),
			edited((v) => (v.size = 1.5)),
			edited((v) => (v.size = '2')),
			edited((v) => (v.slow = 'true')),
			edited((v) => delete v.touchedAt),
			edited((v) => (v.touchedAt = String(at))),
			edited((v) => delete v.call),
			edited((v) => (v.call = 7 as never)),
			edited((v) => (v.call!.id = '7')),
			edited((v) => (v.call!.id = 0)),
			edited((v) => (v.call!.at = null)),
			edited((v) => (v.call!.at = 1e300)),
			edited((v) => delete v.call!.takenAt),
			// taken before it was made
			edited((v) => (v.call!.takenAt = at - 1)),
			edited((v) => (v.call!.shown = 1))
		];
		for (const raw of stale) expect(parseVisit(raw, sizes), String(raw)).toBeNull();
	});
});

/** sessionStorage as the browser has it, for the functions that use it. */
function fakeSession(): Map<string, string> {
	const m = new Map<string, string>();
	vi.stubGlobal('sessionStorage', {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v),
		removeItem: (k: string) => void m.delete(k),
		clear: () => m.clear()
	});
	return m;
}

describe('the kiosk session across a reload', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('keeps nothing for a person who changed nothing', () => {
		expect(new KioskSession([]).kept).toBeNull();
	});

	it('takes up the size, the speed and the call on its way; the idle reset forgets them', () => {
		const m = fakeSession();
		const before = new KioskSession([]);
		before.bigger();
		before.bigger();
		before.slow = true;
		before.callSent(7, at);
		before.helpShown = true;
		keepVisit(before.kept, Date.now() + 60_000);

		const after = new KioskSession([]);
		after.resume();
		expect([after.fontPx, after.slow, after.help]).toEqual([32, true, 'coming']);
		expect(after.call).toEqual({ id: 7, at, takenAt: null });
		expect(after.helpShown).toBe(true);
		// The reload itself counts as a touch, as it does for the idle guard.
		expect(after.kept).toEqual({ ...before.kept, touchedAt: after.touchedAt });

		after.reset();
		expect(m.size).toBe(0);
		expect(after.kept).toBeNull();
		const next = new KioskSession([]);
		next.resume();
		expect(next.pristine).toBe(true);
	});

	it('does not keep a call still being sent, or one that failed: the server knows neither', () => {
		fakeSession();
		const k = new KioskSession([]);
		k.help = 'sending';
		expect(k.kept).toBeNull();
		k.help = 'failed';
		k.slow = true;
		expect(k.kept).toEqual({ size: 0, slow: true, touchedAt: k.touchedAt, call: null });
	});

	it('is over when untouched for longer than the idle guard allows (a page that missed its reset)', () => {
		fakeSession();
		const grace = (limit: number) => limit + COUNTDOWN_S * 1000 + 30_000;
		const resumed = (visit: SavedVisit, now: number) => {
			keepVisit(visit, Date.now() + 60_000);
			const k = new KioskSession([]);
			k.resume(now);
			return k.fontPx;
		};
		const alone = { ...waiting(), call: null };
		expect(resumed(alone, alone.touchedAt + grace(IDLE_MS))).toBe(32);
		expect(resumed(alone, alone.touchedAt + grace(IDLE_MS) + 1)).toBe(24);
		// Waiting for a volunteer, the learner may stand untouched for far longer.
		expect(resumed(waiting(), waiting().touchedAt + grace(WAITING_FOR_HELP_MS))).toBe(32);
		expect(resumed(waiting(), waiting().touchedAt + grace(WAITING_FOR_HELP_MS) + 1)).toBe(24);
	});

	it('keeps the last touch to the half minute: a write at most that often, not one a tap', () => {
		const k = new KioskSession([]);
		const from = k.touchedAt;
		k.touched(from + 29_999);
		expect(k.touchedAt).toBe(from);
		k.touched(from + 30_000);
		expect(k.touchedAt).toBe(from + 30_000);
	});

	it('starts as for a new person when what was kept is unreadable or storage is refused', () => {
		const m = fakeSession();
		m.set(VISIT_KEY, '{"v":1,"size":9,"slow":true,"call":null}');
		const k = new KioskSession([]);
		k.resume();
		expect(k.pristine).toBe(true);

		vi.stubGlobal('sessionStorage', {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		});
		expect(() => keepVisit(waiting(), Date.now() + 60_000)).not.toThrow();
		expect(readVisit(sizes)).toBeNull();
	});
});

describe('the text size the server draws a reload at', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is a bigger size’s number from the cookie, nothing else', () => {
		expect(sizeFromCookie('2', sizes)).toBe(2);
		expect(sizeFromCookie('1', sizes)).toBe(1);
		for (const bad of [undefined, '', '0', '3', '-1', '1.5', '01', ' 2', '2px', 'NaN']) {
			expect(sizeFromCookie(bad, sizes), String(bad)).toBeNull();
		}
	});

	it('gives way to what the tab kept: none, or one that lapsed, is the normal size', () => {
		fakeSession();
		const drawn = new KioskSession([]);
		drawn.size = 2; // as the server drew the page from the cookie
		drawn.resume();
		expect(drawn.size).toBe(0);
		keepVisit({ size: 1, slow: false, touchedAt: at, call: null }, at + IDLE_MS, at);
		const lapsed = new KioskSession([]);
		lapsed.size = 2;
		lapsed.resume(at + IDLE_MS + COUNTDOWN_S * 1000 + 60_000);
		expect(lapsed.size).toBe(0);
		const kept = new KioskSession([]);
		kept.size = 2;
		kept.resume(at + 60_000);
		expect(kept.size).toBe(1);
	});

	it('is kept in a cookie that ends when the visit would, and goes with it', () => {
		const written: string[] = [];
		vi.stubGlobal('document', {
			set cookie(v: string) {
				written.push(v);
			}
		});
		fakeSession();
		const visit: SavedVisit = { size: 2, slow: false, touchedAt: at, call: null };
		keepVisit(visit, at + IDLE_MS, at + 60_000);
		expect(written.at(-1)).toBe(`${SIZE_COOKIE}=2; Path=/; Max-Age=240; SameSite=Strict`);
		// The normal size, no visit, or a visit already over: the cookie is ended.
		keepVisit({ ...visit, size: 0, slow: true }, at + IDLE_MS, at);
		keepVisit(null, 0, at);
		keepVisit(visit, at + IDLE_MS, at + IDLE_MS);
		expect(written.slice(1)).toEqual(
			Array(3).fill(`${SIZE_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`)
		);
	});
});
