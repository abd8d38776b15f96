import { describe, expect, it } from 'vitest';
import {
	daysUntil,
	formatRuleText,
	gapToTarget,
	householdStatus,
	isAdult,
	isReportDay,
	parseRuleText,
	parseSkillRule,
	ruleMet,
	sortHouseholds,
	targetDueNext,
	weekStart,
	weeksUpTo
} from './coverage';

const HOUSEHOLD = parseSkillRule('[["M4"],["M5","M6"],["M7"],["M8"]]');
const KNOWN = new Set(['M0', 'M2', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9']);

describe('skill rules', () => {
	it('needs every group, each by any one code', () => {
		expect(ruleMet(['M4', 'M6', 'M7', 'M8'], HOUSEHOLD)).toBe(true);
		expect(ruleMet(['M4', 'M7', 'M8'], HOUSEHOLD)).toBe(false);
		expect(() => parseSkillRule('[]')).toThrow();
		expect(() => parseSkillRule('[["m4; DROP"]]')).toThrow();
	});

	it('rolls a household up from ONE member, not from members together', () => {
		const split = householdStatus(
			[
				['M4', 'M5'],
				['M7', 'M8']
			],
			HOUSEHOLD
		);
		expect(split).toEqual({ covered: false, closestMissing: [['M7'], ['M8']] });
		expect(householdStatus([['M4', 'M5', 'M7', 'M8']], HOUSEHOLD).covered).toBe(true);
		expect(householdStatus([], HOUSEHOLD).closestMissing).toHaveLength(4);
	});

	it('reads and writes the officer form: "M4; M5/M6; M7; M8"', () => {
		expect(formatRuleText(HOUSEHOLD)).toBe('M4; M5/M6; M7; M8');
		expect(parseRuleText('m4; M5 / m6 ; M7;M8', KNOWN)).toEqual({ ok: true, rule: HOUSEHOLD });
		expect(parseRuleText('M4; M42', KNOWN)).toEqual({
			ok: false,
			message: 'Không có mốc kỹ năng “M42”.'
		});
		expect(parseRuleText(' ; ', KNOWN).ok).toBe(false);
	});
});

describe('targets and days', () => {
	it('gives the gap in whole people, never negative', () => {
		expect(gapToTarget(20, 15, 95)).toBe(4); // 95% of 20 is exactly 19
		expect(gapToTarget(8, 3, 80)).toBe(4); // 6.4 → 7 people
		expect(gapToTarget(8, 8, 80)).toBe(0);
		expect(gapToTarget(0, 0, 95)).toBe(0);
	});

	it('takes the target due next, not one whose day has passed', () => {
		const t = (id: number, metric: string, percent: number, daysLeft: number) => ({
			id,
			metric,
			percent,
			daysLeft
		});
		const targets = [
			t(1, 'adults_skilled', 80, -336), // the end of 2025, gone
			t(2, 'adults_skilled', 100, 29),
			t(3, 'households_covered', 95, 29),
			t(4, 'adults_skilled', 90, 10)
		];
		expect(targetDueNext(targets, 'adults_skilled')?.id).toBe(4);
		expect(targetDueNext(targets.slice(0, 3), 'adults_skilled')?.id).toBe(2);
		expect(targetDueNext(targets, 'households_covered')?.id).toBe(3);
		expect(targetDueNext([targets[0]], 'adults_skilled')).toBeNull();
		// Two on one day: the higher one is what the day asks.
		expect(targetDueNext([t(5, 'pupils', 90, 0), t(6, 'pupils', 100, 0)], 'pupils')?.id).toBe(6);
	});

	it('counts adults by birth year and days to a deadline', () => {
		expect(isAdult(2008, '2026-01-01', 18)).toBe(true);
		expect(isAdult(2009, '2026-12-31', 18)).toBe(false);
		expect(daysUntil('2026-11-25', '2026-12-31')).toBe(36);
		expect(daysUntil('2026-11-25', '2025-12-31')).toBe(-329);
	});

	it('accepts only real days, without throwing on nonsense', () => {
		expect(isReportDay('2026-11-25')).toBe(true);
		for (const bad of ['2026-13-01', '2026-02-30', '2026-11-5', '', '25/11/2026', '2026-11-25x']) {
			expect(isReportDay(bad)).toBe(false);
		}
	});

	it('starts weeks on Monday and ends the last one on the chosen day', () => {
		expect(weekStart('2026-11-25')).toBe('2026-11-23');
		expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday
		expect(weekStart('2026-11-23')).toBe('2026-11-23');
		const weeks = weeksUpTo('2026-11-25', 3);
		expect(weeks).toEqual([
			{ start: '2026-11-09', end: '2026-11-15' },
			{ start: '2026-11-16', end: '2026-11-22' },
			{ start: '2026-11-23', end: '2026-11-25' }
		]);
	});
});

describe('the order of the door-to-door list', () => {
	const h = (id: number, address: string, members = 1, nb = 1, head = `Chủ hộ ${id}`) => ({
		id,
		address,
		head_name: head,
		members,
		neighborhood_id: nb,
		neighborhood_sort: nb
	});
	const rows = [
		h(1, 'Số 175, tổ 10, đường Trần Phú', 5),
		h(2, 'Số 21, tổ 1, đường Lê Lợi', 5),
		h(3, 'Số 30, tổ 2, đường Trần Phú', 3, 2),
		h(4, 'Số 106, tổ 8, đường Vũ Văn Hiếu', 3),
		h(5, '7 Hai Bà Trưng', 2, 2),
		h(6, 'số 21, tổ 1, đường Lê Lợi', 1)
	];
	const addresses = (sort: Parameters<typeof sortHouseholds>[1]) =>
		sortHouseholds(rows, sort).map((r) => r.address);

	it('reads the numbers of addresses by value, not as text', () => {
		expect(addresses('address')).toEqual([
			'7 Hai Bà Trưng',
			'số 21, tổ 1, đường Lê Lợi',
			'Số 21, tổ 1, đường Lê Lợi',
			'Số 30, tổ 2, đường Trần Phú',
			'Số 106, tổ 8, đường Vũ Văn Hiếu',
			'Số 175, tổ 10, đường Trần Phú'
		]);
		expect(rows[0].address).toBe('Số 175, tổ 10, đường Trần Phú'); // the input is left as it was
	});

	it('keeps the natural order under the other sorts, and Vietnamese letters in theirs', () => {
		expect(addresses('members')).toEqual([
			'Số 21, tổ 1, đường Lê Lợi',
			'Số 175, tổ 10, đường Trần Phú',
			'Số 30, tổ 2, đường Trần Phú',
			'Số 106, tổ 8, đường Vũ Văn Hiếu',
			'7 Hai Bà Trưng',
			'số 21, tổ 1, đường Lê Lợi'
		]);
		expect(addresses('neighborhood').slice(-2)).toEqual([
			'7 Hai Bà Trưng',
			'Số 30, tổ 2, đường Trần Phú'
		]);
		const heads = [
			h(1, 'a', 1, 1, 'Đỗ Văn An'),
			h(2, 'b', 1, 1, 'Dương Văn Ba'),
			h(3, 'c', 1, 1, 'Ân')
		];
		expect(sortHouseholds(heads, 'head').map((r) => r.head_name)).toEqual([
			'Ân',
			'Dương Văn Ba',
			'Đỗ Văn An'
		]);
	});
});
