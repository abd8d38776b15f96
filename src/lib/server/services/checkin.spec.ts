import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { opHandlers, storeWatch } from '../ops';
import { Store } from '../store/store';
import { loadFixture } from './reports.fixture';
import { residentLessonsDone } from '../repositories/residents';
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

describe('a refused scan', () => {
	it('names the owner of the card scanned, but nobody for a bare resident id', async () => {
		const { store, sessionId } = await wardWithOpenSession();
		const code = 'THS' + '8'.repeat(26);
		store.db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, 5, 0)', [code]);
		store.db.run('UPDATE class_sessions SET closed_at = ? WHERE id = ?', [
			Date.now() - 1000,
			sessionId
		]);
		const byCard = await checkIn(store, volunteer, {
			code,
			sessionId,
			nonce: 'nonce-named-1',
			source: 'camera'
		});
		expect(byCard.status).toBe(409);
		expect(byCard.body).toMatchObject({
			reason: 'session_closed',
			resident: { id: 5, fullName: 'Hoàng Văn Năm', birthYear: 1985 }
		});
		const byId = await checkIn(store, volunteer, {
			residentId: 5,
			sessionId,
			nonce: 'nonce-named-2',
			source: 'search'
		});
		expect(byId.status).toBe(409);
		expect(byId.body).toEqual({
			status: 'error',
			reason: 'session_closed',
			message: 'Buổi học đã đóng'
		});
		// Nothing was written for either but the failed-scan log.
		expect(
			store.db.value('SELECT count(*) FROM attendance WHERE session_id = ?', [sessionId])
		).toBe(0);
	});
});

describe('a nonce sent again', () => {
	const CARD_1 = 'THS' + '3'.repeat(26);
	const CARD_2 = 'THS' + '4'.repeat(26);

	async function wardWithCards() {
		const ward = await wardWithOpenSession();
		ward.store.db.run(
			'INSERT INTO cards (code, resident_id, issued_at) VALUES (?, 1, 0), (?, 2, 0)',
			[CARD_1, CARD_2]
		);
		ward.store.db.run(
			"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp khác', 'Nhà văn hoá khu phố 2', ?)",
			[Date.now() - 60_000]
		);
		return { ...ward, otherSession: ward.sessionId + 1 };
	}
	// The fixture's own check-ins are in sessions 1–4; these tests' sessions come after.
	const attendance = (store: Store) =>
		store.db.all('SELECT session_id, resident_id, nonce FROM attendance WHERE session_id > 4');
	const failed = (store: Store) =>
		store.db.all('SELECT session_id, reason FROM failed_scans ORDER BY id');

	it('by the same scan (same class, same person, by card or by name) gets the first answer', async () => {
		const { store, sessionId } = await wardWithCards();
		const first = await checkIn(store, volunteer, {
			residentId: 1,
			sessionId,
			nonce: 'nonce-retry-01',
			source: 'search'
		});
		expect(first.status).toBe(201);
		const byName = await checkIn(store, volunteer, {
			residentId: 1,
			sessionId,
			nonce: 'nonce-retry-01',
			source: 'search'
		});
		const byCard = await checkIn(store, volunteer, {
			code: CARD_1,
			sessionId,
			nonce: 'nonce-retry-01',
			source: 'camera'
		});
		for (const retry of [byName, byCard]) {
			expect(retry.status).toBe(200);
			expect(retry.body).toMatchObject({
				status: 'ok',
				replay: true,
				checkedInAt: first.body.checkedInAt,
				resident: { id: 1, fullName: 'Trần Văn Một' }
			});
		}
		expect(attendance(store)).toHaveLength(1);
		expect(failed(store)).toEqual([]);
	});

	it('for another person or another class is refused and logged, never answered "ok"', async () => {
		const { store, sessionId, otherSession } = await wardWithCards();
		const nonce = 'dupnonce0001';
		expect(
			(await checkIn(store, volunteer, { residentId: 1, sessionId, nonce, source: 'search' }))
				.status
		).toBe(201);
		const reuses = [
			{ residentId: 2, sessionId, nonce, source: 'search' },
			{ code: CARD_2, sessionId, nonce, source: 'camera' },
			{ residentId: 1, sessionId: otherSession, nonce, source: 'search' },
			{ code: CARD_1, sessionId: otherSession, nonce, source: 'camera' }
		];
		for (const body of reuses) {
			const answer = await checkIn(store, volunteer, body);
			expect(answer.status, JSON.stringify(body)).toBe(409);
			expect(answer.body).toMatchObject({
				status: 'error',
				reason: 'nonce_reused',
				message: 'Mã của lượt quét này đã được dùng cho một lượt quét khác — xin quét lại'
			});
		}
		// Only the first check-in was stored; each reuse is in the failed-scan log.
		expect(attendance(store)).toEqual([{ session_id: sessionId, resident_id: 1, nonce }]);
		expect(failed(store)).toEqual([
			{ session_id: sessionId, reason: 'nonce_reused' },
			{ session_id: sessionId, reason: 'nonce_reused' },
			{ session_id: otherSession, reason: 'nonce_reused' },
			{ session_id: otherSession, reason: 'nonce_reused' }
		]);
		// The other person, scanned again (a new nonce), gets in.
		const again = await checkIn(store, volunteer, {
			code: CARD_2,
			sessionId,
			nonce: 'dupnonce0002',
			source: 'camera'
		});
		expect(again.status).toBe(201);
	});

	it('on the check-in of a person since erased is refused, not a server error', async () => {
		const { store, sessionId } = await wardWithCards();
		const nonce = 'nonce-erased-1';
		await checkIn(store, volunteer, { residentId: 1, sessionId, nonce, source: 'search' });
		// Erasure keeps the row for the counts, without whom (ON DELETE SET NULL).
		store.db.run('UPDATE attendance SET resident_id = NULL WHERE nonce = ?', [nonce]);
		const answer = await checkIn(store, volunteer, {
			residentId: 2,
			sessionId,
			nonce,
			source: 'search'
		});
		expect(answer.status).toBe(409);
		expect(answer.body.reason).toBe('nonce_reused');
	});

	it('for another class that is closed is refused as reused, not replayed', async () => {
		const { store, sessionId, otherSession } = await wardWithCards();
		await checkIn(store, volunteer, {
			residentId: 1,
			sessionId,
			nonce: 'nonce-closed-1',
			source: 'search'
		});
		store.db.run('UPDATE class_sessions SET closed_at = ? WHERE id = ?', [
			Date.now() - 1000,
			otherSession
		]);
		const answer = await checkIn(store, volunteer, {
			residentId: 1,
			sessionId: otherSession,
			nonce: 'nonce-closed-1',
			source: 'search'
		});
		expect(answer.status).toBe(409);
		expect(answer.body.reason).toBe('nonce_reused');
	});
});

describe('a scan dated before its session was opened', () => {
	const HOUR = 3600_000;
	const T0 = Date.now();
	const cards = ['5', '6', '7'].map((c) => 'THS' + c.repeat(26));

	/** A class opened at T0 − 3 h and closed at T0 − 1 h through the real ops, now T0. */
	async function closedClass() {
		let clock = T0 - 3 * HOUR;
		store = await Store.open({
			dir: mkdtempSync(join(tmpdir(), 'ths-checkin-')),
			handlers: opHandlers,
			watch: storeWatch,
			log: () => {},
			now: () => clock
		});
		loadFixture(store.db);
		cards.forEach((code, i) =>
			store!.db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, ?, 0)', [
				code,
				i + 1
			])
		);
		const { id } = await store.write<{ id: number }>('sessions.open', {
			title: 'Lớp VNeID',
			topic: null,
			walkthroughId: null,
			place: 'Nhà văn hoá khu phố 1',
			neighborhoodId: 1,
			// The planned start: later than the opening, as when early arrivals are scanned.
			startsAt: T0 - 2 * HOUR
		});
		clock = T0 - HOUR;
		await store.write('sessions.close', { sessionId: id });
		clock = T0;
		return { store, sessionId: id };
	}
	const scan = (sessionId: number, code: string, scannedAt: number, nonce: string) =>
		checkIn(store!, volunteer, { code, sessionId, nonce, scannedAt, source: 'camera' }, T0);

	it('keeps the time it was opened', async () => {
		const { store, sessionId } = await closedClass();
		expect(
			store.db.get('SELECT starts_at, opened_at, closed_at FROM class_sessions WHERE id = ?', [
				sessionId
			])
		).toEqual({ starts_at: T0 - 2 * HOUR, opened_at: T0 - 3 * HOUR, closed_at: T0 - HOUR });
	});

	it('is refused once the class is closed, while a queued scan made during it still counts', async () => {
		const { store, sessionId } = await closedClass();
		// Scanned offline while the class was open (before its planned start), sent after it closed.
		const queued = await scan(sessionId, cards[0], T0 - 2.5 * HOUR, 'nonce-open-1');
		expect(queued.status).toBe(201);
		expect(queued.body.checkedInAt).toBe(T0 - 2.5 * HOUR);
		// The device clock a few minutes behind ours when the class was just opened: still counts.
		expect((await scan(sessionId, cards[1], T0 - 3 * HOUR - 60_000, 'nonce-open-2')).status).toBe(
			201
		);
		// Ten days back: the class did not exist yet.
		const backdated = await scan(sessionId, cards[2], T0 - 240 * HOUR, 'nonce-back-1');
		expect(backdated.status).toBe(409);
		expect(backdated.body).toMatchObject({
			status: 'error',
			reason: 'before_session',
			message: 'Giờ quét sớm hơn lúc mở buổi học — xin xem lại ngày giờ trên máy đã quét'
		});
		expect(
			store.db.all('SELECT reason FROM failed_scans WHERE session_id = ?', [sessionId])
		).toEqual([{ reason: 'before_session' }]);
	});

	it('cannot get a revoked card in by dating the scan before its revocation', async () => {
		const { store, sessionId } = await closedClass();
		store.db.run('UPDATE class_sessions SET closed_at = NULL WHERE id = ?', [sessionId]);
		store.db.run('UPDATE cards SET revoked_at = ? WHERE code = ?', [T0 - 30 * 60_000, cards[2]]);
		const answer = await scan(sessionId, cards[2], T0 - 4 * HOUR, 'nonce-revoked-1');
		expect(answer.status).toBe(409);
		expect(answer.body.reason).toBe('before_session');
		// Dated after the opening and before the revocation, it is the offline rule's to count.
		expect((await scan(sessionId, cards[2], T0 - 2 * HOUR, 'nonce-revoked-2')).status).toBe(201);
		expect(
			store.db.value('SELECT count(*) FROM attendance WHERE session_id = ?', [sessionId])
		).toBe(1);
	});

	it('is not bounded for a session opened before the store kept its opening time', async () => {
		const { store, sessionId } = await closedClass();
		store.db.run('UPDATE class_sessions SET opened_at = NULL WHERE id = ?', [sessionId]);
		expect((await scan(sessionId, cards[2], T0 - 240 * HOUR, 'nonce-legacy-1')).status).toBe(201);
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

	it('is listed for the person one line a lesson, with how many times and when last', async () => {
		const { store } = await wardWithOpenSession();
		const code = 'THS' + '5'.repeat(26);
		store.db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, 1, 0)', [code]);
		const send = (walkthroughId: string, nonce: string) =>
			recordCompletion(store, { code, walkthroughId, nonce });
		await send('tien-dien', 'nonce-list-1');
		await send('chuyen-khoan-vietqr', 'nonce-list-2');
		// The card shown again after the same lesson: one line, twice.
		await send('tien-dien', 'nonce-list-3');
		store.db.run('UPDATE lesson_completions SET at = id * 1000');
		expect(residentLessonsDone(store.db, 1)).toEqual([
			{
				walkthroughId: 'tien-dien',
				title: 'Trả tiền điện bằng ứng dụng ngân hàng',
				times: 2,
				lastAt: 3000
			},
			{
				walkthroughId: 'chuyen-khoan-vietqr',
				title: 'Chuyển khoản bằng mã QR',
				times: 1,
				lastAt: 2000
			}
		]);
		expect(residentLessonsDone(store.db, 2)).toEqual([]);
	});

	it('answers a retry once, and refuses a nonce reused for another card or lesson', async () => {
		const { store } = await wardWithOpenSession();
		const [mine, theirs] = ['3', '4'].map((d) => 'THS' + d.repeat(26));
		store.db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, 1, 0), (?, 2, 0)', [
			mine,
			theirs
		]);
		const send = (code: string, walkthroughId: string) =>
			recordCompletion(store, { code, walkthroughId, nonce: 'nonce-lesson-1' });
		expect((await send(mine, 'tien-dien')).status).toBe(201);
		expect((await send(mine, 'tien-dien')).status).toBe(201);
		for (const [code, lesson] of [
			[theirs, 'tien-dien'],
			[mine, 'chuyen-khoan-vietqr']
		]) {
			const reused = await send(code, lesson);
			expect([reused.status, reused.body.reason]).toEqual([409, 'nonce_reused']);
		}
		expect(store.db.value('SELECT count(*) FROM lesson_completions')).toBe(1);
		// A lesson the kiosk does not have is not counted towards anyone's skills.
		const made = await recordCompletion(store, {
			code: mine,
			walkthroughId: 'vneid-gia',
			nonce: 'nonce-lesson-2'
		});
		expect([made.status, made.body.reason]).toEqual([400, 'unknown_walkthrough']);
		expect(store.db.value("SELECT count(*) FROM failed_scans WHERE reason = 'nonce_reused'")).toBe(
			2
		);
	});
});
