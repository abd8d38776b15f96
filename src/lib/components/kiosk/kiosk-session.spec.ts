import { afterEach, describe, expect, it, vi } from 'vitest';
import { HELP_OPEN_MS } from '$lib/domain/checkin-people';
import { HELP_RECALL_MS, KioskSession } from './kiosk-session.svelte';
import { keepVisit } from './visit-resume';

const at = Date.UTC(2026, 10, 2, 1, 5);

function called(): KioskSession {
	const k = new KioskSession([]);
	k.callSent(7, at);
	k.helpShown = true;
	return k;
}

describe('a call for a volunteer', () => {
	it('stays on its way when its notice is closed: only the notice goes', () => {
		const k = called();
		k.closeHelp();
		expect(k.helpShown).toBe(false);
		expect(k.help).toBe('coming');
		expect(k.call).toEqual({ id: 7, at, takenAt: null });
		expect(k.pristine).toBe(false);
	});

	it('is not made again while recent, and is once a volunteer has long not come', () => {
		const k = called();
		k.closeHelp();
		expect(k.helpPending(at + 60_000)).toBe(true);
		expect(k.helpPending(at + HELP_RECALL_MS - 1)).toBe(true);
		expect(k.helpPending(at + HELP_RECALL_MS)).toBe(false);
	});

	it('that failed is over when its notice is closed, so the next tap tries again', () => {
		const k = new KioskSession([]);
		k.help = 'failed';
		k.helpShown = true;
		k.closeHelp();
		expect(k.help).toBe('idle');
		expect(k.helpPending(at)).toBe(false);
	});

	it('learns once that a volunteer took it, and only for the call still on its way', () => {
		const k = called();
		expect(k.learnTaken(7, null)).toBe(false);
		expect(k.learnTaken(6, at + 60_000)).toBe(false);
		expect(k.call?.takenAt).toBeNull();
		expect(k.learnTaken(7, at + 60_000)).toBe(true);
		expect(k.call?.takenAt).toBe(at + 60_000);
		expect(k.learnTaken(7, at + 60_000)).toBe(false);
		// The next person starts clean, and a late answer about the last call changes nothing.
		k.reset();
		expect(k.call).toBeNull();
		expect(k.learnTaken(7, at + 60_000)).toBe(false);
	});
});

describe('a call a volunteer took', () => {
	function taken(): KioskSession {
		const k = called();
		k.learnTaken(7, at + 60_000);
		return k;
	}

	it('is shown again by a tap while its notice says so, and no longer than ten minutes', () => {
		const k = taken();
		expect(k.helpPending(at + 2 * 60_000)).toBe(true);
		expect(k.helpPending(at + 60_000 + HELP_RECALL_MS - 1)).toBe(true);
		expect(k.helpPending(at + 60_000 + HELP_RECALL_MS)).toBe(false);
	});

	it('is over for the button once its notice is closed: the next tap calls again', () => {
		const k = taken();
		k.closeHelp();
		// Two minutes on, as QA tapped: before, the tap was swallowed for ten minutes.
		expect(k.helpPending(at + 3 * 60_000)).toBe(false);
		// Still a visit waiting on a volunteer: the idle guard's long grace holds.
		expect(k.idleLimit()).toBe(20 * 60_000);
	});
});

describe('a call whose resident has gone', () => {
	afterEach(() => vi.unstubAllGlobals());

	function sending() {
		const sent: Array<[string, string | undefined]> = [];
		const send = (async (url: string, init?: RequestInit) => {
			sent.push([url, init?.method]);
			return new Response('{}');
		}) as typeof fetch;
		return { sent, session: new KioskSession([], send) };
	}

	it('is withdrawn by the idle reset when nobody took it', () => {
		const { sent, session: k } = sending();
		k.callSent(9, at);
		k.reset();
		expect(sent).toEqual([['/api/kiosk/help/9', 'DELETE']]);
		expect(k.help).toBe('idle');
	});

	it('is not withdrawn once taken, and a reset with no call sends nothing', () => {
		const { sent, session: k } = sending();
		k.callSent(9, at);
		k.helpShown = true;
		k.learnTaken(9, at + 60_000);
		k.reset();
		k.reset();
		expect(sent).toEqual([]);
	});

	it('kept by a tab that missed its reset is withdrawn when the page comes back', () => {
		const m = new Map<string, string>();
		vi.stubGlobal('sessionStorage', {
			getItem: (key: string) => m.get(key) ?? null,
			setItem: (key: string, value: string) => void m.set(key, value),
			removeItem: (key: string) => void m.delete(key),
			clear: () => m.clear()
		});
		const visit = {
			size: 0,
			slow: false,
			touchedAt: at,
			call: { id: 11, at, takenAt: null, shown: true }
		};
		keepVisit(visit, Date.now() + 60_000);
		const { sent, session: k } = sending();
		k.resume(k.endsAt(visit) + 1);
		expect(sent).toEqual([['/api/kiosk/help/11', 'DELETE']]);
		expect(k.help).toBe('idle');
	});

	it('stays on the volunteers’ pages longer than any kiosk waits on its own', () => {
		// The server's "too old to be wanted" must not drop a call its kiosk still waits on.
		expect(HELP_OPEN_MS).toBeGreaterThan(new KioskSession([]).lapse(true));
	});
});
