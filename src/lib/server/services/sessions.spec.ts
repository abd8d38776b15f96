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

	const volunteer = () => actorNamed(store, 'tinhnguyen1');
	const place = 'Nhà văn hoá khu phố 1';

	it('refuses a title over 120 characters with its length, and takes one of 120', async () => {
		const long = 'Hướng dẫn '.repeat(14).trim(); // 139 characters
		expect(await openSession(store, volunteer(), { title: long, place }, now)).toMatchObject({
			ok: false,
			reason: 'title_too_long',
			message: 'Tên buổi học dài 139 ký tự, quá 120 ký tự. Xin viết ngắn lại.'
		});
		const exact = 'x'.repeat(120);
		const opened = await openSession(store, volunteer(), { title: exact, place }, now);
		expect(opened.ok && opened.value.title).toBe(exact);
	});

	it('asks the form before opening a class that does not start today; the API is not asked', async () => {
		const june = Date.parse('2027-06-01T08:00:00+07:00');
		const input = { title: 'Buổi học tháng Sáu', place, startsAt: june };
		const asked = await openSession(store, volunteer(), input, now, { confirmedDay: null });
		expect(asked).toMatchObject({
			ok: false,
			status: 409,
			reason: 'confirm_start_day',
			message: 'Buổi học này bắt đầu ngày 01/06/2027, không phải hôm nay. Mở buổi học này?'
		});
		// A "yes" to another day (the date was changed after the question) is asked again.
		const other = { confirmedDay: '2027-05-01' };
		expect(await openSession(store, volunteer(), input, now, other)).toMatchObject({
			reason: 'confirm_start_day'
		});
		const yes = { confirmedDay: '2027-06-01' };
		expect(await openSession(store, volunteer(), input, now, yes)).toMatchObject({ ok: true });
		expect(await openSession(store, volunteer(), input, now)).toMatchObject({ ok: true });
		// Today, late at night: nothing to ask.
		const tonight = { ...input, startsAt: Date.parse('2026-12-01T23:50:00+07:00') };
		const noOptions = { confirmedDay: null };
		expect(await openSession(store, volunteer(), tonight, now, noOptions)).toMatchObject({
			ok: true
		});
	});
});
