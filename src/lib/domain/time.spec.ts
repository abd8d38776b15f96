import { describe, expect, it } from 'vitest';
import {
	formalDateLine,
	formatDate,
	formatDateTime,
	formatTime,
	formatTimeOrDateTime,
	formatWeekdayDay,
	formatWeekdayDayTime,
	isIsoDay,
	parseIsoInstant,
	parseTypedDay,
	laterStartDay,
	startDayIfNotToday,
	vnDay,
	vnDayStart
} from './time';
import {
	formatDecimal,
	formatMoney,
	formatPercent,
	formatShare,
	formatTargetPercent
} from './format';
import { foldVietnamese } from './text';

describe('Vietnam days', () => {
	it('puts a check-in at 06:30 on 26/11 in Hà Tu on 26/11, whatever the server zone', () => {
		const at = Date.parse('2026-11-25T23:30:00Z'); // 06:30 on 26/11 in UTC+7
		expect(vnDay(at)).toBe('2026-11-26');
		expect(formatDate(at)).toBe('26/11/2026');
		expect(formatTime(at)).toBe('06:30');
		expect(formatDateTime(at)).toBe('26/11/2026 06:30');
	});
	it("says the time alone only for today's instants, by Vietnam's day", () => {
		const at = Date.parse('2026-11-25T23:30:00Z'); // 06:30 on 26/11 in Hà Nội
		expect(formatTimeOrDateTime(at, Date.parse('2026-11-26T16:59:00Z'))).toBe('06:30');
		expect(formatTimeOrDateTime(at, Date.parse('2026-11-26T17:00:00Z'))).toBe('26/11/2026 06:30');
	});
	it('starts a day at midnight Vietnam time', () => {
		expect(new Date(vnDayStart('2026-11-26')).toISOString()).toBe('2026-11-25T17:00:00.000Z');
		expect(isIsoDay('2026-02-30')).toBe(false);
		expect(isIsoDay('2026-13-01')).toBe(false);
		expect(isIsoDay('2026-00-10')).toBe(false);
		expect(isIsoDay('9999-99-99')).toBe(false);
		expect(isIsoDay('2026-11-26')).toBe(true);
	});
	it('reads a typed day with or without leading zeros, and refuses a day that does not exist', () => {
		expect(parseTypedDay('3/12/2026')).toBe('2026-12-03');
		expect(parseTypedDay('03/12/2026')).toBe('2026-12-03');
		expect(parseTypedDay('25/1/2027')).toBe('2027-01-25');
		expect(parseTypedDay(' 2026-12-03 ')).toBe('2026-12-03');
		for (const wrong of ['31/2/2026', '3/13/2026', '3/12/26', '003/12/2026', '12-3-2026', '']) {
			expect(parseTypedDay(wrong)).toBeUndefined();
		}
	});
	it('names the weekday with the day, Sunday included', () => {
		expect(formatWeekdayDay('2026-12-01')).toBe('Thứ Ba, 01/12/2026');
		expect(formatWeekdayDay('2026-11-29')).toBe('Chủ nhật, 29/11/2026');
		expect(formatWeekdayDay('2027-01-02')).toBe('Thứ Bảy, 02/01/2027');
	});
	it('writes a class start as day and 24-hour time, and nothing for a half-typed one', () => {
		expect(formatWeekdayDayTime('2026-12-01T20:58')).toBe('Thứ Ba, 01/12/2026 lúc 20:58');
		expect(formatWeekdayDayTime('2026-12-06T08:05:00')).toBe('Chủ nhật, 06/12/2026 lúc 08:05');
		expect(formatWeekdayDayTime('')).toBeNull();
		expect(formatWeekdayDayTime('2026-02-30T08:00')).toBeNull();
		expect(formatWeekdayDayTime('2026-12-01T24:00')).toBeNull();
	});
	it('writes the formal date line of a report', () => {
		expect(formalDateLine('Hà Tu', '2026-11-25')).toBe('Hà Tu, ngày 25 tháng 11 năm 2026');
		// Nghị định 30/2020/NĐ-CP: days below 10 and months 1 and 2 take a leading 0.
		expect(formalDateLine('Hà Tu', '2026-12-02')).toBe('Hà Tu, ngày 02 tháng 12 năm 2026');
		expect(formalDateLine('Hà Tu', '2027-01-15')).toBe('Hà Tu, ngày 15 tháng 01 năm 2027');
		expect(formalDateLine('Hà Tu', '2027-02-09')).toBe('Hà Tu, ngày 09 tháng 02 năm 2027');
		expect(formalDateLine('Hà Tu', '2027-03-01')).toBe('Hà Tu, ngày 01 tháng 3 năm 2027');
		expect(formalDateLine('Hà Tu', '2026-10-10')).toBe('Hà Tu, ngày 10 tháng 10 năm 2026');
	});
});

describe('formatting', () => {
	it('writes money and percentages the Vietnamese way', () => {
		expect(formatMoney(100000)).toBe('100.000 đ');
		expect(formatMoney(1250000)).toBe('1.250.000 đ');
		expect(formatPercent(0.725)).toBe('72,5%');
	});
	it('never shows a share as more than it is: cut to the tenth, not rounded up', () => {
		// 49 of 135 is 36,296…%: "36,3%" beside "còn 1 người để đạt 36,3%" said reached and not.
		expect(formatPercent(49 / 135)).toBe('36,2%');
		expect(formatPercent(1999 / 2000)).toBe('99,9%');
		expect(formatPercent(1)).toBe('100,0%');
		expect(formatPercent(0.57)).toBe('57,0%');
		expect(formatShare(49, 135)).toBe('36,2%');
		expect(formatShare(50, 135)).toBe('37,0%');
		// Every tenth that is exact stays whole (no float error drops it to the tenth below).
		for (let total = 1; total <= 200; total++) {
			for (let part = 0; part <= total; part++) {
				const tenths = Math.floor((part * 1000) / total);
				expect(formatShare(part, total)).toBe(`${(tenths / 10).toFixed(1).replace('.', ',')}%`);
			}
		}
	});
	it('says there is no data yet, not 0,0%, for a share of nobody', () => {
		expect(formatShare(0, 0)).toBe('chưa có dữ liệu');
		expect(formatShare(0, 3)).toBe('0,0%');
	});
	it("writes a target's percent with a decimal comma, and no decimals when it has none", () => {
		expect(formatTargetPercent(80.5)).toBe('80,5%');
		expect(formatTargetPercent(80)).toBe('80%');
		expect(formatTargetPercent(12.25)).toBe('12,25%');
		// The form field shows the same number without the sign, as the officer would type it.
		expect(formatDecimal(80.5)).toBe('80,5');
		expect(formatDecimal(95)).toBe('95');
	});
	it('folds names for diacritics-insensitive search', () => {
		expect(foldVietnamese('Nguyễn  Văn Đức')).toBe('nguyen van duc');
		expect(foldVietnamese('Nguyễn Văn'.normalize('NFD'))).toBe('nguyen van');
	});
});

describe('a class that does not start today', () => {
	const now = Date.parse('2026-12-02T08:00:00+07:00');
	it('knows today by Vietnam time, and a later day from an earlier one', () => {
		expect(startDayIfNotToday(Date.parse('2026-12-02T23:59:00+07:00'), now)).toBeNull();
		expect(startDayIfNotToday(Date.parse('2026-12-01T23:59:00+07:00'), now)).toBe('2026-12-01');
		expect(startDayIfNotToday(Date.parse('2027-06-01T08:00:00+07:00'), now)).toBe('2027-06-01');
		expect(laterStartDay(Date.parse('2027-06-01T08:00:00+07:00'), now)).toBe('2027-06-01');
		expect(laterStartDay(Date.parse('2026-12-01T08:00:00+07:00'), now)).toBeNull();
		expect(laterStartDay(Date.parse('2026-12-02T20:00:00+07:00'), now)).toBeNull();
	});
});

describe('an ISO time sent to the API', () => {
	it('is read in Vietnam time when it has no offset, and as written when it has one', () => {
		expect(parseIsoInstant('2026-12-02T08:00')).toBe(Date.parse('2026-12-02T01:00:00Z'));
		expect(parseIsoInstant('2026-12-02 08:00:30')).toBe(Date.parse('2026-12-02T01:00:30Z'));
		expect(parseIsoInstant('2026-12-02')).toBe(Date.parse('2026-12-01T17:00:00Z'));
		expect(parseIsoInstant('2026-12-02T08:00:00.250Z')).toBe(
			Date.parse('2026-12-02T08:00:00.250Z')
		);
		expect(parseIsoInstant('2026-12-02T08:00+0100')).toBe(Date.parse('2026-12-02T07:00:00Z'));
		// Python's isoformat() writes microseconds.
		expect(parseIsoInstant('2026-12-02T08:00:00.123456')).toBe(
			Date.parse('2026-12-02T01:00:00.123Z')
		);
	});

	it('names a real day and time, or nothing', () => {
		// Date.parse reads the first two as 2 March and 1 December.
		for (const text of [
			'2026-02-30',
			'2026-02-30T08:00',
			'2026-11-31T08:00',
			'2026-13-01',
			'2026-12-02T24:00',
			'2026-12-02T08:60',
			'2026-12-02T08',
			'02/12/2026',
			'2026-12-02T08:00 tomorrow',
			''
		]) {
			expect(parseIsoInstant(text), text).toBeNull();
		}
		expect(parseIsoInstant('2028-02-29')).not.toBeNull();
	});
});
