import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { demoAppForFile } from '$lib/server/app.testing';
import { actorNamed } from '$lib/server/services/privacy.testing';
import { requestEvent } from '$lib/server/http/request-event.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { actions } from './+page.server';

/** The personal-data page's form actions, called as Kit calls them, on a demo ward. */
let store: DataStore;

const startedStore = demoAppForFile('ths-du-lieu-');
beforeAll(() => {
	store = startedStore();
});

type Action = keyof typeof actions;

/** Posts `fields` to `?/<action>` of /cu-dan/<id>/du-lieu as `username`; the action's answer. */
async function post(
	action: Action,
	username: string,
	id: string,
	fields: Record<string, string> = { x: '1' }
) {
	const actor: Actor = actorNamed(store, username);
	const url = new URL(`http://127.0.0.1/cu-dan/${id}/du-lieu?/${action}`);
	const request = new Request(url, { method: 'POST', body: new URLSearchParams(fields) });
	const event = requestEvent(request, { id }, actor);
	const run = actions[action] as unknown as (e: RequestEvent) => Promise<unknown>;
	return (await run(event)) as { status?: number; data?: { action: string; message: string } };
}

/** A resident of khu phố `nb`. */
const residentIn = (nb: number) =>
	String(
		store.db.value<number>(
			'SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.neighborhood_id = ? ORDER BY r.id LIMIT 1',
			[nb]
		)
	);
const prints = () =>
	store.db.value<number>("SELECT count(*) FROM audit_log WHERE action = 'resident.print'") ?? 0;

describe('printing the readable copy', () => {
	it('answers a bad id with a 404 failure, not a 500', async () => {
		expect(await post('print', 'truongkhu2', 'abc')).toMatchObject({
			status: 404,
			data: { action: 'print', message: 'Không tìm thấy cư dân này.' }
		});
	});

	it('refuses another khu phố’s resident (403) and logs no print', async () => {
		const before = prints();
		expect(await post('print', 'truongkhu2', residentIn(1))).toMatchObject({
			status: 403,
			data: { action: 'print', message: 'Cư dân này không ở khu phố của bạn.' }
		});
		expect(prints()).toBe(before);
	});

	it('logs the print of the head’s own resident', async () => {
		const before = prints();
		expect(await post('print', 'truongkhu2', residentIn(2))).toEqual({ printed: true });
		expect(prints()).toBe(before + 1);
	});
});

describe('withdrawing consent', () => {
	it('refuses a note over 300 characters in words, gives it back, and records nothing', async () => {
		const id = residentIn(2);
		const long = 'Gọi điện nhờ con gái báo. '.repeat(13);
		expect(long.length).toBeGreaterThan(300);
		expect(await post('withdraw', 'truongkhu2', id, { note: long, confirm: 'yes' })).toMatchObject({
			status: 400,
			data: {
				action: 'withdraw',
				message: 'Ghi chú dài quá: tối đa 300 ký tự. Xin rút gọn.',
				note: long
			}
		});
		const withdrawn = store.db.value<number>(
			'SELECT count(*) FROM consents WHERE resident_id = ? AND withdrawn_at IS NOT NULL',
			[Number(id)]
		);
		expect(withdrawn).toBe(0);
	});
});

describe('withdrawing consent, asked first', () => {
	it('is refused without the box ticked, the note given back, nothing recorded', async () => {
		const id = residentIn(2);
		expect(await post('withdraw', 'truongkhu2', id, { note: 'Gọi điện ngày 25/11' })).toMatchObject(
			{
				status: 400,
				data: {
					action: 'withdraw',
					field: 'confirm',
					message: 'Xin đánh dấu ô xác nhận trước khi ghi nhận: việc rút lại không làm lại được.',
					note: 'Gọi điện ngày 25/11'
				}
			}
		);
		const withdrawn = () =>
			store.db.value<number>(
				'SELECT count(*) FROM consents WHERE resident_id = ? AND withdrawn_at IS NOT NULL',
				[Number(id)]
			);
		expect(withdrawn()).toBe(0);
		expect(await post('withdraw', 'truongkhu2', id, { confirm: 'yes' })).toEqual({
			withdrawn: true
		});
		expect(withdrawn()).toBe(1);
	});
});

describe('the other actions of the page', () => {
	it('answer a bad id or another khu phố with a failure', async () => {
		const asked = { confirm: 'yes' };
		expect(await post('withdraw', 'truongkhu2', 'abc', asked)).toMatchObject({ status: 404 });
		expect(await post('withdraw', 'truongkhu2', residentIn(1), asked)).toMatchObject({
			status: 403
		});
		expect(await post('erase', 'quantri', 'abc', { confirm: 'yes' })).toMatchObject({
			status: 404,
			data: { action: 'erase' }
		});
		// Only the officer erases: a head is stopped by the role check, a 403 page.
		await expect(
			post('erase', 'truongkhu2', residentIn(1), { confirm: 'yes' })
		).rejects.toMatchObject({ status: 403 });
	});
});
