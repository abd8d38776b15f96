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
