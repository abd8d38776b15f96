import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { opHandlers, storeWatch } from '../ops';
import { Store } from '../store/store';
import { loadFixture } from './reports.fixture';
import { checkIn, recordCompletion } from './checkin';

const volunteer: Actor = {
	id: 4,
	username: 'u4',
	displayName: 'Tình nguyện viên',
	role: 'volunteer',
	neighborhoodId: null
};

let store: Store | undefined;
afterEach(async () => {
	await store?.close();
	store = undefined;
});

async function wardWithOpenSession() {
	store = await Store.open({
		dir: mkdtempSync(join(tmpdir(), 'ths-checkin-')),
		handlers: opHandlers,
		watch: storeWatch,
		log: () => {}
	});
	loadFixture(store.db);
	store.db.run(
		"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp VNeID', 'Nhà văn hoá khu phố 1', ?)",
		[Date.now() - 60_000]
	);
	return { store, sessionId: store.db.value<number>('SELECT max(id) FROM class_sessions')! };
}

describe('the running count in each check-in answer', () => {
	it('counts each new person once, and answers a repeat or a retry with the same count', async () => {
		const { store, sessionId } = await wardWithOpenSession();
		const scan = (residentId: number, nonce: string) =>
			checkIn(store, volunteer, { residentId, sessionId, nonce, source: 'search' });

		const first = await scan(1, 'nonce-count-1');
		expect(first.status).toBe(201);
		expect(first.body.count).toBe(1);
		expect((await scan(2, 'nonce-count-2')).body.count).toBe(2);
		// The same person again: amber, and nobody new.
		const again = await scan(1, 'nonce-count-3');
		expect(again.body.status).toBe('already');
		expect(again.body.count).toBe(2);
		// The first scan sent again after a lost answer: its first answer stands.
		const retry = await scan(1, 'nonce-count-1');
		expect(retry.body).toMatchObject({ status: 'ok', replay: true, count: 2 });
		expect(store.db.value('SELECT checked_in FROM class_sessions WHERE id = ?', [sessionId])).toBe(
			2
		);
	});

	it('still answers a retried scan after the session is closed, and refuses a new one', async () => {
		const { store, sessionId } = await wardWithOpenSession();
		const scan = (residentId: number, nonce: string) =>
			checkIn(store, volunteer, { residentId, sessionId, nonce, source: 'search' });
		await scan(3, 'nonce-before-close');
		store.db.run('UPDATE class_sessions SET closed_at = ? WHERE id = ?', [
			Date.now() - 1000,
			sessionId
		]);
		expect((await scan(3, 'nonce-before-close')).body).toMatchObject({
			status: 'ok',
			replay: true,
			count: 1
		});
		const late = await scan(4, 'nonce-after-close');
		expect(late.status).toBe(409);
		expect(late.body).toMatchObject({ status: 'error', reason: 'session_closed' });
		expect(
			store.db.value('SELECT count(*) FROM failed_scans WHERE session_id = ?', [sessionId])
		).toBe(1);
	});
});

describe('a lesson completion at the kiosk', () => {
	it('is recorded for the kiosk that sent it, or this server’s own kiosk when none is named', async () => {
		const { store } = await wardWithOpenSession();
		const code = 'THS' + '2'.repeat(26);
		store.db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, 1, 0)', [code]);
		const send = (nonce: string, kiosk?: string) =>
			recordCompletion(store, { code, walkthroughId: 'tien-dien', nonce, kiosk });
		expect((await send('nonce-done-1')).status).toBe(201);
		expect((await send('nonce-done-2', 'tram-2')).status).toBe(201);
		expect((await send('nonce-done-3', '')).status).toBe(201);
		const own = process.env.KIOSK_ID || 'tram-1';
		expect(store.db.all('SELECT kiosk FROM lesson_completions ORDER BY id')).toEqual([
			{ kiosk: own },
			{ kiosk: 'tram-2' },
			{ kiosk: own }
		]);
	});
});
