import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASED_HEAD } from '../ops/erasure';
import { detailInWords, subjectNames } from '../repositories/audit-subjects';
import type { Reads } from '../store/database';
import type { Store } from '../store/store';
import { auditRead, parseAuditQuery, readAudit } from './audit';
import { eraseResident } from './privacy';
import { actorNamed, demoStore } from './privacy.testing';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

const DEVICE = '10.0.0.5 vitest';
const first = <T>(sql: string, params: Array<string | number> = []) => {
	const row = store.db.get<T>(sql, params);
	if (!row) throw new Error(`nothing for ${sql}`);
	return row;
};
const officer = () => actorNamed(store, 'quantri');
const query = (q: Record<string, string>) =>
	parseAuditQuery(new URLSearchParams({ limit: '1000', ...q }));

/** A resident heading a household where others live too (so the household stays on erasure). */
const headWithFamily = (skip = 0) =>
	first<{ id: number; full_name: string; household_id: number }>(
		`SELECT r.id, r.full_name, r.household_id FROM residents r JOIN households h ON h.id = r.household_id
		 WHERE r.full_name = h.head_name
		   AND (SELECT count(*) FROM residents o WHERE o.household_id = r.household_id) >= 2
		   AND (SELECT count(*) FROM residents o WHERE o.full_name = r.full_name) = 1
		 ORDER BY r.id LIMIT 1 OFFSET ?`,
		[skip]
	);

describe('subjects in words', () => {
	it('names residents, accounts, households, classes, khu phố and the ward', () => {
		const person = headWithFamily();
		const user = first<{ id: number; display_name: string }>(
			"SELECT id, display_name FROM users WHERE username = 'tinhnguyen1'"
		);
		const session = first<{ id: number; title: string }>(
			'SELECT id, title FROM class_sessions ORDER BY id LIMIT 1'
		);
		const hood = first<{ id: number; name: string }>(
			'SELECT id, name FROM neighborhoods ORDER BY id LIMIT 1'
		);
		const names = subjectNames(store.db, [
			`resident:${person.id}`,
			`user:${user.id}`,
			`household:${person.household_id}`,
			`session:${session.id}`,
			'session:999999',
			`neighborhood:${hood.id}`,
			'ward',
			'',
			'username:khoa.thu1',
			'file:danh-sach.csv',
			'page:/bao-cao?neighborhood=5'
		]);
		expect(names.get(`resident:${person.id}`)).toEqual({
			text: person.full_name,
			href: `/cu-dan/${person.id}`
		});
		expect(names.get(`user:${user.id}`)?.text).toBe(user.display_name);
		expect(names.get(`household:${person.household_id}`)).toEqual({
			text: `Hộ ${person.full_name}`,
			href: `/cu-dan/ho/${person.household_id}`
		});
		expect(names.get(`session:${session.id}`)?.text).toMatch(
			new RegExp(
				`^${session.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d{2}/\\d{2}/\\d{4}\\)$`
			)
		);
		// A class links to its attendance page, which the officer reading the log may open.
		expect(names.get(`session:${session.id}`)?.href).toBe(`/tinh-nguyen/buoi/${session.id}`);
		expect(names.get('session:999999')).toEqual({ text: 'Buổi học #999999', href: null });
		expect(names.get(`neighborhood:${hood.id}`)?.text).toBe(hood.name);
		expect(names.get('ward')?.text).toBe('Cả phường');
		expect(names.get('')?.text).toBe('—');
		expect(names.get('username:khoa.thu1')?.text).toBe('Tên đăng nhập “khoa.thu1”');
		expect(names.get('file:danh-sach.csv')?.text).toBe('Tệp danh-sach.csv');
		expect(names.get('page:/bao-cao?neighborhood=5')?.text).toBe('Trang /bao-cao?neighborhood=5');
	});

	it('reads a whole page in one query per kind, not one per row', () => {
		const ids = store.db
			.all<{ id: number }>('SELECT id FROM residents ORDER BY id LIMIT 150')
			.map((r) => r.id);
		let queries = 0;
		const counting: Reads = {
			all: (sql, params) => (queries++, store.db.all(sql, params)),
			get: (sql, params) => (queries++, store.db.get(sql, params)),
			value: (sql, params) => (queries++, store.db.value(sql, params))
		};
		const names = subjectNames(counting, [
			...ids.map((id) => `resident:${id}`),
			...ids.map((id) => `resident:${id}`),
			'user:1',
			'user:2',
			'ward'
		]);
		expect(queries).toBe(2);
		expect(names.size).toBe(ids.length + 3);
		expect([...names.values()].filter((n) => n.href !== null)).toHaveLength(ids.length);
	});

	it('never gives back an erased resident’s name: by number only, and not found by it', async () => {
		const person = headWithFamily(1);
		await auditRead(store, officer(), {
			action: 'resident.view',
			subject: `resident:${person.id}`,
			device: DEVICE
		});
		expect(readAudit(officer(), store, query({ subject: person.full_name })).length).toBe(1);
		await eraseResident(store, officer(), person.id, DEVICE);

		const entries = readAudit(officer(), store, query({ subject: `resident:${person.id}` }));
		expect(entries.map((e) => e.action)).toEqual(['resident.erase', 'resident.view']);
		for (const e of entries) {
			expect(e.subjectName).toBe(`Cư dân đã xoá (#${person.id})`);
			expect(e.subjectHref).toBeNull();
		}
		expect(JSON.stringify(entries)).not.toContain(person.full_name);
		expect(readAudit(officer(), store, query({ subject: person.full_name }))).toEqual([]);
		// Their household stays (others live there) without the head's name.
		expect(
			subjectNames(store.db, [`household:${person.household_id}`]).get(
				`household:${person.household_id}`
			)?.text
		).toBe(`Hộ #${person.household_id} (chủ hộ đã xoá dữ liệu)`);
		expect(
			store.db.value<string>('SELECT head_name FROM households WHERE id = ?', [person.household_id])
		).toBe(ERASED_HEAD);
	});
});

describe('the access log in words', () => {
	it('gives each entry its action, subject and device in words, keeping the stored fields', async () => {
		const person = headWithFamily(2);
		await auditRead(store, officer(), {
			action: 'resident.view',
			subject: `resident:${person.id}`,
			device:
				'192.168.1.9 Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
		});
		const [entry] = readAudit(officer(), store, query({ subject: `resident:${person.id}` }));
		expect(entry).toMatchObject({
			action: 'resident.view',
			subject: `resident:${person.id}`,
			actorUsername: 'quantri',
			actionName: 'Xem hồ sơ cư dân',
			subjectName: person.full_name,
			subjectHref: `/cu-dan/${person.id}`,
			deviceName: 'Chrome · Android'
		});
		expect(entry.device).toContain('192.168.1.9 Mozilla/5.0');
	});

	it('puts an undone milestone in words for the page, keeping the stored detail', async () => {
		const person = headWithFamily(4);
		await store.write(
			'audit.record',
			{ action: 'milestone.undo', subject: `resident:${person.id}`, detail: 'milestone:3372' },
			officer().id
		);
		const [entry] = readAudit(
			officer(),
			store,
			query({ subject: `resident:${person.id}`, action: 'milestone.undo' })
		);
		expect(entry).toMatchObject({ detail: 'milestone:3372', detailText: 'Mốc kỹ năng #3372' });
		expect(detailInWords('Ngày 01/12/2026, 12 hộ')).toBe('Ngày 01/12/2026, 12 hộ');
	});

	it("puts an erasure's counts in words for the page (the JSON stays for programs)", () => {
		const stored = JSON.stringify({
			attendanceAnonymised: 2,
			milestonesRemoved: 7,
			cardsRemoved: 1,
			consentsRemoved: 1,
			lessonCompletionsUnlinked: 0,
			householdRemoved: false
		});
		// The officer's log showed {"attendanceAnonymised":2,…}.
		expect(detailInWords(stored, 'resident.erase')).toBe(
			'Giữ 2 lượt điểm danh, không còn tên; xoá 7 mốc kỹ năng, 1 thẻ QR, 1 lần ghi đồng ý; hộ vẫn còn người khác.'
		);
		const alone = { ...JSON.parse(stored), lessonCompletionsUnlinked: 3, householdRemoved: true };
		expect(detailInWords(JSON.stringify(alone), 'resident.erase')).toBe(
			'Giữ 2 lượt điểm danh, không còn tên; xoá 7 mốc kỹ năng, 1 thẻ QR, 1 lần ghi đồng ý; 3 lượt học bài không còn gắn với người này; xoá cả hộ (không còn ai).'
		);
		// Another action's text, or a detail that is not the counts, stays as it was.
		expect(detailInWords(stored, 'resident.view')).toBe(stored);
		expect(detailInWords('{"x":1}', 'resident.erase')).toBe('{"x":1}');
	});

	it('filters by a name without diacritics, and still by a stored subject', async () => {
		const person = headWithFamily(3);
		await auditRead(store, officer(), {
			action: 'resident.view',
			subject: `resident:${person.id}`
		});
		const plain = person.full_name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[đĐ]/g, 'd')
			.toUpperCase();
		const found = readAudit(officer(), store, query({ subject: plain }));
		expect(found.map((e) => e.subject)).toContain(`resident:${person.id}`);
		for (const e of found) expect(e.subjectName).toMatch(/./);
		expect(
			readAudit(officer(), store, query({ subject: `resident:${person.id}` })).map((e) => e.subject)
		).toEqual([`resident:${person.id}`]);
		// Accounts are found by their display name; failed sign-ins by the username tried.
		const user = first<{ id: number; display_name: string }>(
			"SELECT id, display_name FROM users WHERE username = 'quantri'"
		);
		await store.write(
			'audit.record',
			{ action: 'auth.logout', subject: `user:${user.id}` },
			user.id
		);
		expect(
			readAudit(officer(), store, query({ subject: user.display_name })).map((e) => e.subject)
		).toContain(`user:${user.id}`);
		expect(
			readAudit(officer(), store, query({ subject: 'Cả phường' })).every(
				(e) => e.subject === 'ward'
			)
		).toBe(true);
	});

	it('asks for 3 letters of a name, and says a bad date in plain Vietnamese', () => {
		expect(() => query({ subject: 'an' })).toThrow(/ít nhất 3 chữ cái/);
		for (const from of ['31/02/2026', 'hôm qua', '2026-13-01']) {
			let message = '';
			try {
				query({ from });
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toBe(
				'Ngày ở ô “Từ ngày” không hợp lệ. Xin nhập theo dạng dd/mm/yyyy, ví dụ 25/11/2026.'
			);
			expect(message).not.toMatch(/\bms\b|from|yyyy-mm-dd/);
		}
		// Written by hand without the leading zeros: the same days as with them.
		expect(query({ from: '3/12/2026', to: '4/1/2027' })).toEqual(
			query({ from: '03/12/2026', to: '04/01/2027' })
		);
		expect(() => query({ from: '02/03/2026', to: '01/03/2026' })).toThrow(
			'Ngày ở ô “Từ ngày” phải trước ngày ở ô “Đến ngày”.'
		);
	});
});
