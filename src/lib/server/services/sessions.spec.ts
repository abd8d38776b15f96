import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { actorNamed, demoStore } from './privacy.testing';
import { openSession } from './sessions';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

describe('opening a class', () => {
	const now = Date.UTC(2026, 11, 1, 1, 0); // 08:00 on 01/12/2026 in Vietnam
	const open = (startsAt: unknown) =>
		openSession(
			store,
			actorNamed(store, 'tinhnguyen1'),
			{ title: 'Buổi học thử', startsAt, place: 'Nhà văn hoá khu phố 1' },
			now
		);

	it('refuses a start years away with the range it takes, in dd/mm/yyyy', async () => {
		expect(await open(Date.UTC(2030, 0, 1))).toMatchObject({
			ok: false,
			message: 'Giờ bắt đầu phải trong khoảng từ 30/11/2025 đến 02/12/2027.'
		});
	});

	it('refuses a start that is not a time, and opens one within the year', async () => {
		expect(await open('chưa biết')).toMatchObject({
			ok: false,
			message: 'Giờ bắt đầu không hợp lệ. Xin chọn ngày và giờ.'
		});
		expect(await open(now + 3_600_000)).toMatchObject({ ok: true });
	});
});
