import { describe, expect, it } from 'vitest';
import { HELP_RECALL_MS, KioskSession } from './kiosk-session.svelte';

const at = Date.UTC(2026, 10, 2, 1, 5);

function called(): KioskSession {
	const k = new KioskSession([]);
	k.help = 'coming';
	k.helpAt = at;
	k.helpShown = true;
	return k;
}

describe('a call for a volunteer', () => {
	it('stays on its way when its notice is closed: only the notice goes', () => {
		const k = called();
		k.closeHelp();
		expect(k.helpShown).toBe(false);
		expect(k.help).toBe('coming');
		expect(k.helpAt).toBe(at);
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
		k.helpId = 7;
		expect(k.learnTaken(7, null)).toBe(false);
		expect(k.learnTaken(6, at + 60_000)).toBe(false);
		expect(k.helpTakenAt).toBeNull();
		expect(k.learnTaken(7, at + 60_000)).toBe(true);
		expect(k.helpTakenAt).toBe(at + 60_000);
		expect(k.learnTaken(7, at + 60_000)).toBe(false);
		// The next person starts clean, and a late answer about the last call changes nothing.
		k.reset();
		expect([k.helpId, k.helpTakenAt]).toEqual([null, null]);
		expect(k.learnTaken(7, at + 60_000)).toBe(false);
	});
});

describe('a call a volunteer took', () => {
	function taken(): KioskSession {
		const k = called();
		k.helpId = 7;
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
