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
});
