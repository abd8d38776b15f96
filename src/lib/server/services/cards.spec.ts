import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { reissueCard, revokeCard } from './cards';
import { withdrawConsent } from './privacy';
import { actorNamed, demoStore } from './privacy.testing';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

const liveCard = (residentId: number) =>
	store.db.value<string>('SELECT code FROM cards WHERE resident_id = ? AND revoked_at IS NULL', [
		residentId
	])!;
const residentOfKhuPho = (n: number, offset: number) =>
	store.db.value<number>(
		`SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id
		 WHERE h.neighborhood_id = ? ORDER BY r.id LIMIT 1 OFFSET ?`,
		[n, offset]
	)!;

describe('a card revoked from two phones at once', () => {
	it('is revoked once; the other phone is told the card is no longer live, not a server fault', async () => {
		const id = residentOfKhuPho(1, 0);
		const code = liveCard(id);
		const volunteer = actorNamed(store, 'tinhnguyen1');
		// Both pass the check before the write; the second op finds the card revoked.
		const answers = await Promise.all([
			revokeCard(store, volunteer, id, code),
			revokeCard(store, actorNamed(store, 'tinhnguyen2'), id, code)
		]);
		expect(answers.map((a) => (a.ok ? 'ok' : `${a.status} ${a.reason} ${a.message}`))).toEqual([
			'ok',
			'404 unknown_card Không có thẻ còn dùng với mã này.'
		]);
		expect(
			store.db.value(
				"SELECT count(*) FROM audit_log WHERE action = 'card.revoke' AND subject = ?",
				[`resident:${id}`]
			)
		).toBe(1);
	});
});

describe('a new card', () => {
	it('is not issued to someone who withdrew consent (nothing new is recorded of them)', async () => {
		const id = residentOfKhuPho(2, 1);
		const before = liveCard(id);
		const officer = actorNamed(store, 'quantri');
		await withdrawConsent(store, officer, id, 'Bà xin rút lại', '10.0.0.5 vitest');
		const answer = await reissueCard(store, officer, id);
		expect(answer).toMatchObject({ ok: false, status: 409, reason: 'consent_withdrawn' });
		expect(liveCard(id)).toBe(before);
		expect(store.db.value('SELECT count(*) FROM cards WHERE resident_id = ?', [id])).toBe(1);
	});
});
