import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opHandlers } from '../ops';
import { Store } from '../store/store';
import type { Scope } from './coverage';
import { at, loadFixture, NOW } from './reports.fixture';
import { dailyReport, dailyReportJson, dailyReportRows } from './reports';
import { dailyReportCsv } from './reports-export';

/**
 * On 27/11 residents of Khu phố 2 (R7, R10) learn at a class held in Khu phố 1: the head of
 * Khu phố 2 read "Số buổi học 0" beside "Số người dự học 2", with no word of where.
 */
const DAY = '2026-11-27';
const WARD_DAY = '2026-11-28';
const KP1: Scope = { neighborhoodId: 1, name: 'Khu phố 1', ward: 'Phường Hà Tu' };
const KP2: Scope = { neighborhoodId: 2, name: 'Khu phố 2', ward: 'Phường Hà Tu' };
const WARD: Scope = { neighborhoodId: null, name: 'Toàn phường', ward: 'Phường Hà Tu' };
let store: Store;

beforeAll(async () => {
	store = await Store.open({
		dir: mkdtempSync(join(tmpdir(), 'ths-reports-other-')),
		handlers: {
			...opHandlers,
			'fixture.load': (db) => {
				loadFixture(db);
				db.run(
					"INSERT INTO class_sessions (id, title, topic, place, neighborhood_id, starts_at, opened_by) VALUES (5, 'Chuyển khoản QR cho ông bà', 'thanh-toan', 'Nhà văn hoá khu phố 1', 1, ?, 4)",
					[at(DAY, '08:00')]
				);
				for (const [r, hhmm] of [
					[7, '08:07'],
					[10, '08:09']
				] as const) {
					db.run(
						"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (5, ?, 2, ?, 'camera', 4, ?)",
						[r, at(DAY, hhmm), `o-${r}`]
					);
				}
				// A ward-wide class (no khu phố of its own) on 28/11, with R7 of Khu phố 2 in it.
				db.run(
					"INSERT INTO class_sessions (id, title, topic, place, neighborhood_id, starts_at, opened_by) VALUES (6, 'Cài VNeID mức 2', 'dich-vu-cong', 'Hội trường phường', NULL, ?, 4)",
					[at(WARD_DAY, '14:00')]
				);
				db.run(
					"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (6, 7, 2, ?, 'camera', 4, 'o-ward-7')",
					[at(WARD_DAY, '14:05')]
				);
			}
		},
		log: () => {},
		now: () => NOW
	});
	await store.write('fixture.load', {});
});
afterAll(() => store.close());

describe('classes a khu phố’s people attended elsewhere', () => {
	it('names the other khu phố’s class beside "0 buổi học"', () => {
		const kp2 = dailyReport(store, DAY, KP2);
		expect(kp2).toMatchObject({ sessions: 0, attendees: 2, checkins: 2, otherSessionsPeople: 2 });
		expect(kp2.otherSessions.map((o) => [o.title, o.elsewhere, o.people])).toEqual([
			['Chuyển khoản QR cho ông bà', 'Khu phố 1', 2]
		]);
		expect(kp2.otherSessionsNote).toBe(
			'2 người của khu phố đã học ở buổi của khu phố khác: Chuyển khoản QR cho ông bà (Nhà văn hoá khu phố 1, lúc 08:00, 2 người).'
		);
		expect(dailyReportJson(kp2)).toMatchObject({
			sessions: 0,
			otherSessionsPeople: 2,
			otherSessions: [{ id: 5, people: 2 }]
		});
	});

	it('adds the figures as the last rows of the CSV, every earlier row in its place', () => {
		const kp2 = dailyReport(store, DAY, KP2);
		const rows = dailyReportRows(kp2);
		expect(rows.slice(-2).map((r) => [r.section, r.value])).toEqual([
			['V. Học ở buổi học khác', 1],
			['V. Học ở buổi học khác', 2]
		]);
		const lines = dailyReportCsv(kp2).split('\r\n');
		expect(lines[5]).toBe('I. Hoạt động trong ngày,Số buổi học,0');
		expect(lines).toContain('V. Học ở buổi học khác,Người dự học ở các buổi học khác,2');
		// No earlier label is part of a new one: a reader matching "Số người dự học" finds one row.
		expect(lines.filter((l) => l.includes('Số người dự học'))).toHaveLength(1);
	});

	it('has none for the khu phố that held the class, nor for the ward', () => {
		expect(dailyReport(store, DAY, KP1)).toMatchObject({
			sessions: 1,
			attendees: 0,
			otherSessions: [],
			otherSessionsNote: null
		});
		expect(dailyReport(store, DAY, WARD)).toMatchObject({
			sessions: 1,
			attendees: 2,
			otherSessions: []
		});
	});

	it('names a class begun the day before that took a check-in today', () => {
		// Fixture: "Mua sắm an toàn" began 24/11 20:00 in Khu phố 1; R3 checked in at 06:30 on 26/11.
		const kp1 = dailyReport(store, '2026-11-26', KP1);
		expect(kp1).toMatchObject({ sessions: 0, attendees: 1, otherSessionsPeople: 1 });
		expect(kp1.otherSessionsNote).toBe(
			'1 người của khu phố đã học ở buổi mở vào ngày khác: Mua sắm an toàn (Nhà văn hoá khu phố 1, bắt đầu 24/11/2026 20:00, 1 người).'
		);
	});

	it('names a ward-wide class (no khu phố of its own) to a head whose people came', () => {
		const kp2 = dailyReport(store, WARD_DAY, KP2);
		expect(kp2).toMatchObject({ sessions: 0, attendees: 1, otherSessionsPeople: 1 });
		expect(kp2.otherSessions.map((o) => [o.title, o.people])).toEqual([['Cài VNeID mức 2', 1]]);
		expect(kp2.otherSessionsNote).toContain(
			'Cài VNeID mức 2 (Hội trường phường, lúc 14:00, 1 người)'
		);
	});
});
