import { describe, expect, it } from 'vitest';
import { HELP_OPEN_MS, HELP_REPEAT_MS } from '../../domain/checkin-people';
import { helpRequest } from '../repositories/kiosk';
import { openHelpRequests } from '../repositories/sessions';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import type { OpContext } from '../store/store';
import { opHandlers } from '.';

/**
 * A kiosk's calls for a volunteer, op by op at chosen times (the journal's `at`): how a call
 * ends untaken (migration 0017), and what the staff pages list.
 */
const T = Date.UTC(2026, 10, 20, 12, 15);
const MIN = 60_000;
const kiosk1 = { kiosk: 'tram-1', place: 'Nhà văn hoá khu phố 1' };
const kiosk2 = { kiosk: 'tram-2', place: 'Nhà văn hoá khu phố 2' };

async function ward() {
	const db = await Db.create();
	migrate(db, shippedMigrations, 0);
	let seq = 0;
	const apply = <R>(type: string, payload: unknown, at: number, actor: number | null = null) => {
		seq += 1;
		const ctx: OpContext = { seq, opId: `op-${seq}`, at, actor, replaying: false };
		return db.transaction(() => opHandlers[type](db, payload, ctx)) as R;
	};
	type Called = { id: number; at: number; repeated: boolean };
	return {
		db,
		call: (at: number, where = kiosk1) => apply<Called>('kiosk.helpCall', where, at),
		withdraw: (id: number, at: number) =>
			apply<{ withdrawn: boolean }>('kiosk.helpWithdraw', { id }, at),
		answer: (id: number, at: number) =>
			apply<{ answered: boolean; id: number; withdrawn: boolean }>('help.answer', { id }, at),
		listed: (now: number) => openHelpRequests(db, now).map((h) => h.id),
		apply
	};
}

describe('a kiosk calling again', () => {
	it('within two minutes joins its open call; later replaces it, one line per kiosk', async () => {
		const w = await ward();
		const first = w.call(T);
		expect(first.repeated).toBe(false);
		expect(w.call(T + HELP_REPEAT_MS - 1)).toEqual({ id: first.id, at: T, repeated: true });
		const other = w.call(T + MIN, kiosk2);

		// Ten minutes on, nobody took it and the kiosk calls again: the newer call only.
		const second = w.call(T + 12 * MIN);
		expect(second.repeated).toBe(false);
		expect(w.listed(T + 12 * MIN)).toEqual([second.id, other.id]);
		// Recorded as replaced, and by which call: not deleted, not answered.
		expect(helpRequest(w.db, first.id)).toMatchObject({
			answeredAt: null,
			closedAt: T + 12 * MIN,
			closedAs: 'replaced',
			replacedBy: second.id
		});
		// Another kiosk's call is its own line.
		expect(helpRequest(w.db, other.id)).toMatchObject({ closedAs: null });
	});

	it('after its call was taken makes a new call, the taken one untouched', async () => {
		const w = await ward();
		const first = w.call(T);
		expect(w.answer(first.id, T + MIN)).toEqual({ answered: true, id: first.id, withdrawn: false });
		const second = w.call(T + MIN + 30_000);
		expect(second.id).not.toBe(first.id);
		expect(helpRequest(w.db, first.id)).toMatchObject({ answeredAt: T + MIN, closedAs: null });
		expect(w.listed(T + 2 * MIN)).toEqual([second.id]);
	});

	it('a volunteer taking the older line (a page not yet refreshed) takes the newer call', async () => {
		const w = await ward();
		const first = w.call(T);
		const second = w.call(T + 12 * MIN);
		expect(w.answer(first.id, T + 13 * MIN)).toEqual({
			answered: true,
			id: second.id,
			withdrawn: false
		});
		expect(helpRequest(w.db, second.id)?.answeredAt).toBe(T + 13 * MIN);
		expect(w.listed(T + 13 * MIN)).toEqual([]);
		// A second volunteer on either line is told someone else was quicker.
		expect(w.answer(second.id, T + 14 * MIN).answered).toBe(false);
		expect(w.answer(first.id, T + 14 * MIN).answered).toBe(false);
	});

	it('replays a call journaled before migration 0017 as it ran: nothing replaced', async () => {
		const w = await ward();
		const first = w.apply<{ id: number }>('kiosk.helpRequest', kiosk1, T);
		const second = w.apply<{ id: number }>('kiosk.helpRequest', kiosk1, T + 12 * MIN);
		expect(w.listed(T + 12 * MIN)).toEqual([second.id, first.id]);
	});
});

describe('a kiosk withdrawing its call', () => {
	it('ends it untaken, recorded as withdrawn; a volunteer tapping its line is told', async () => {
		const w = await ward();
		const { id } = w.call(T);
		expect(w.withdraw(id, T + 21 * MIN)).toEqual({ withdrawn: true });
		expect(w.listed(T + 21 * MIN)).toEqual([]);
		expect(helpRequest(w.db, id)).toMatchObject({
			answeredAt: null,
			closedAt: T + 21 * MIN,
			closedAs: 'withdrawn'
		});
		expect(w.answer(id, T + 22 * MIN)).toEqual({ answered: false, id, withdrawn: true });
		expect(helpRequest(w.db, id)?.answeredAt).toBeNull();
		// Once is enough; the second says it changed nothing.
		expect(w.withdraw(id, T + 23 * MIN)).toEqual({ withdrawn: false });
		expect(helpRequest(w.db, id)?.closedAt).toBe(T + 21 * MIN);
	});

	it('leaves a call taken, replaced, or joined by another tap as it was', async () => {
		const w = await ward();
		const taken = w.call(T);
		w.answer(taken.id, T + MIN);
		expect(w.withdraw(taken.id, T + 2 * MIN)).toEqual({ withdrawn: false });
		expect(helpRequest(w.db, taken.id)).toMatchObject({ closedAs: null, answeredAt: T + MIN });

		const replaced = w.call(T + 3 * MIN);
		const newer = w.call(T + 15 * MIN);
		expect(w.withdraw(replaced.id, T + 16 * MIN)).toEqual({ withdrawn: false });
		expect(helpRequest(w.db, replaced.id)).toMatchObject({ closedAs: 'replaced' });
		expect(w.listed(T + 16 * MIN)).toEqual([newer.id]);

		// Another screen of the same kiosk tapped too: its resident may still be waiting.
		expect(w.call(T + 16 * MIN).id).toBe(newer.id);
		expect(w.withdraw(newer.id, T + 17 * MIN)).toEqual({ withdrawn: false });
		expect(w.listed(T + 17 * MIN)).toEqual([newer.id]);
	});
});

describe('the calls listed on the staff pages', () => {
	it('leave out calls older than HELP_OPEN_MS, which a new call does not mark replaced', async () => {
		const w = await ward();
		const old = w.call(T);
		expect(w.listed(T + HELP_OPEN_MS - 1)).toEqual([old.id]);
		expect(w.listed(T + HELP_OPEN_MS)).toEqual([]);
		// Yesterday's call, never taken, is not today's.
		expect(w.listed(T + 24 * 60 * MIN)).toEqual([]);
		const today = w.call(T + 24 * 60 * MIN);
		expect(w.listed(T + 24 * 60 * MIN)).toEqual([today.id]);
		expect(helpRequest(w.db, old.id)).toMatchObject({ closedAs: null, answeredAt: null });
	});
});
