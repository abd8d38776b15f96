import { HELP_KINDS, weeksUpTo, type HelpKind } from '../../domain/coverage';
import { formatShare } from '../../domain/format';
import { foldVietnamese } from '../../domain/text';
import {
	DAY_MS,
	formatDateTime,
	formatDay,
	formatTime,
	vnDay,
	vnDayStart
} from '../../domain/time';
import {
	dayAttendeesByNeighborhood,
	dayCounts,
	helpedCount,
	milestonesOfDay,
	otherSessionsOfDay,
	setting,
	sessionsOfDay
} from '../repositories/reports';
import { neighborhoods } from '../repositories/neighborhoods';
import { listSkills } from '../repositories/skills';
import type { DataStore } from '../store/data-store';
import { coverageReport, type CoverageReport, type Scope } from './coverage';

export type HelpKey = HelpKind['key'];

/** A class the day's attendees came to that "Số buổi học" does not count. */
export interface OtherSession {
	id: number;
	title: string;
	place: string;
	/** Its khu phố when that is not the report's (null when it is, or for the ward). */
	elsewhere: string | null;
	/** 'YYYY-MM-DD' it began, which may be before (or after) the report's day. */
	startDay: string;
	startsAt: number;
	people: number;
}

export interface DailyReport {
	date: string;
	neighborhood: { id: number; name: string } | null;
	scopeName: string;
	ward: string;
	province: string;
	place: string;
	/** Classes begun that day in the khu phố (or the ward). */
	sessions: number;
	/** Other classes its people came to that day: in another khu phố, or begun another day. */
	otherSessions: OtherSession[];
	/** Distinct people of the khu phố (or the ward) at those other classes. */
	otherSessionsPeople: number;
	/** The sentence that says so, for the page and the printed report; null when none. */
	otherSessionsNote: string | null;
	checkins: number;
	attendees: number;
	households: number;
	helped: Record<HelpKey, number>;
	newMilestones: Array<{ code: string; title: string; count: number }>;
	newMilestonesTotal: number;
	coverage: CoverageReport;
	/** How "helped with …" is counted, in words, printed under the report. */
	helpDefinitions: Array<{ key: HelpKey; label: string; explanation: string }>;
}

/** The counts provinces ask for before 20:00, for one day and one khu phố (or the ward). */
export function dailyReport(store: DataStore, day: string, scope: Scope): DailyReport {
	const db = store.db;
	const nb = scope.neighborhoodId;
	const counts = dayCounts(db, day, nb);
	const helped = Object.fromEntries(
		HELP_KINDS.map((kind) => [kind.key, helpedCount(db, kind, day, nb)])
	) as Record<HelpKey, number>;
	const byCode = new Map(milestonesOfDay(db, day, nb).map((r) => [r.skill_code, r.count]));
	const newMilestones = listSkills(db).map((s) => ({
		code: s.code,
		title: s.title,
		count: byCode.get(s.code) ?? 0
	}));
	const other = otherSessionsOfDay(db, day, nb);
	const otherSessions = other.sessions.map((s) => ({
		id: s.id,
		title: s.title,
		place: s.place,
		elsewhere: nb !== null && s.neighborhood_id !== nb ? (s.neighborhood ?? '') : null,
		startDay: vnDay(s.starts_at),
		startsAt: s.starts_at,
		people: s.people
	}));
	return {
		date: day,
		neighborhood: nb === null ? null : { id: nb, name: scope.name },
		scopeName: scope.name,
		ward: setting(db, 'ward_name') ?? 'Phường',
		province: setting(db, 'province') ?? '',
		place: setting(db, 'report_place') ?? '',
		sessions: sessionsOfDay(db, day, nb).length,
		otherSessions,
		otherSessionsPeople: other.people,
		otherSessionsNote: otherSessionsNote(otherSessions, other.people, day, nb !== null),
		checkins: counts.checkins,
		attendees: counts.attendees,
		households: counts.households,
		helped,
		newMilestones,
		newMilestonesTotal: newMilestones.reduce((a, m) => a + m.count, 0),
		coverage: coverageReport(store, day, scope),
		helpDefinitions: HELP_KINDS.map(({ key, label, explanation }) => ({ key, label, explanation }))
	};
}

/**
 * "3 người của khu phố đã học ở buổi của khu phố khác: Chuyển khoản QR (Nhà văn hoá khu phố 1,
 * Khu phố 1, lúc 08:00, 3 người)." Said next to "Số buổi học", so that 0 classes beside 3
 * attendees reads as what happened rather than as a mistake.
 */
export function otherSessionsNote(
	others: OtherSession[],
	people: number,
	day: string,
	oneNeighborhood: boolean
): string | null {
	if (others.length === 0) return null;
	const elsewhere = others.some((o) => o.elsewhere !== null);
	const otherDay = others.some((o) => o.startDay !== day);
	const where =
		elsewhere && otherDay
			? 'ở buổi của khu phố khác hoặc buổi mở vào ngày khác'
			: elsewhere
				? 'ở buổi của khu phố khác'
				: 'ở buổi mở vào ngày khác';
	const items = others.map((o) => {
		const bits = [o.place];
		// "Nhà văn hoá khu phố 1" already says "Khu phố 1".
		if (o.elsewhere && !foldVietnamese(o.place).includes(foldVietnamese(o.elsewhere))) {
			bits.push(o.elsewhere);
		}
		bits.push(
			o.startDay === day ? `lúc ${formatTime(o.startsAt)}` : `bắt đầu ${formatDateTime(o.startsAt)}`
		);
		bits.push(`${o.people} người`);
		return `${o.title} (${bits.join(', ')})`;
	});
	const who = oneNeighborhood ? `${people} người của khu phố` : `${people} người`;
	return `${who} đã học ${where}: ${items.join('; ')}.`;
}

/** The JSON of `GET /api/reports/daily`: flat counts first, as the contract says. */
export function dailyReportJson(report: DailyReport) {
	const c = report.coverage;
	return {
		date: report.date,
		neighborhood: report.neighborhood,
		sessions: report.sessions,
		otherSessions: report.otherSessions.map((o) => ({
			id: o.id,
			title: o.title,
			place: o.place,
			startsAt: o.startsAt,
			people: o.people
		})),
		otherSessionsPeople: report.otherSessionsPeople,
		checkins: report.checkins,
		attendees: report.attendees,
		households: report.households,
		helped: report.helped,
		newMilestones: Object.fromEntries(report.newMilestones.map((m) => [m.code, m.count])),
		newMilestonesTotal: report.newMilestonesTotal,
		coverage: coverageJson(c)
	};
}

export function coverageJson(c: CoverageReport) {
	return {
		asOf: c.asOf,
		neighborhood: c.neighborhood,
		adults: c.adults,
		households: c.households,
		reached: c.reached,
		targets: c.targets,
		definitions: c.definitions,
		byNeighborhood: c.neighborhood === null ? c.byNeighborhood : undefined
	};
}

/** Said for a target that no figure in the system measures (pupils), in place of a gap. */
export const NOT_MEASURED = 'chưa có số liệu trong hệ thống';

export interface ReportRow {
	section: string;
	label: string;
	/** What the printed table and the CSV show. */
	value: number | string;
	/**
	 * For a percentage: the ratio the XLSX stores as a number, cut to the tenth of a percent as
	 * `value` says it (0.479 for "47,9%"). Excel's "0.0%" rounds, so the exact 0.4796 showed
	 * 48,0% beside the printed 47,9%, and 1.999 of 2.000 households showed 100,0%.
	 */
	ratio?: number;
}

/**
 * The report as rows of (section, label, value). The printed table, the CSV and the XLSX
 * are all rendered from these rows, so the three cannot disagree.
 */
export function dailyReportRows(r: DailyReport): ReportRow[] {
	const rows: ReportRow[] = [];
	const add = (section: string, label: string, value: number | string) =>
		rows.push({ section, label, value });
	// A share: its words as every report page writes them (formatShare), and for the XLSX the
	// same share as a number (none when there is nobody to count).
	const addShare = (section: string, label: string, part: number, total: number) =>
		rows.push({
			section,
			label,
			value: formatShare(part, total),
			...(total > 0 ? { ratio: shareCut(part, total) } : {})
		});
	const A = 'I. Hoạt động trong ngày';
	add(A, 'Số buổi học', r.sessions);
	add(A, 'Số người dự học', r.attendees);
	add(A, 'Số hộ có người dự học', r.households);
	add(A, 'Số lượt điểm danh', r.checkins);
	for (const kind of HELP_KINDS) add(A, kind.label, r.helped[kind.key]);
	const B = 'II. Mốc kỹ năng số mới ghi nhận';
	for (const m of r.newMilestones) add(B, `${m.code} – ${m.title}`, m.count);
	add(B, 'Tổng số mốc mới', r.newMilestonesTotal);
	const C = `III. Kết quả luỹ kế đến hết ngày ${formatDay(r.date)}`;
	const c = r.coverage;
	add(C, 'Số người trưởng thành', c.adults.total);
	add(C, 'Số người trưởng thành có kỹ năng số cơ bản', c.adults.skilled);
	addShare(C, 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản', c.adults.skilled, c.adults.total);
	add(C, 'Số hộ gia đình', c.households.total);
	add(C, 'Số hộ có thành viên dùng được 4 kỹ năng số thiết yếu', c.households.covered);
	addShare(C, 'Tỷ lệ hộ được phủ', c.households.covered, c.households.total);
	add(C, 'Số người đã được tiếp cận (dự học hoặc có mốc)', c.reached.residents);
	add(C, 'Số hộ đã được tiếp cận', c.reached.households);
	const D = 'IV. So với chỉ tiêu';
	for (const t of c.targets) {
		// The label stays as programs that read the file know it; a target met says so
		// rather than "còn thiếu 0".
		const label = `${t.label} – hạn ${formatDay(t.deadline)}: còn thiếu`;
		// A target the ward set that no figure here measures (pupils) is listed too, saying so:
		// left out, the report read as if the ward had three targets; a 0 would be made up.
		if (t.gap === null) add(D, label, NOT_MEASURED);
		else add(D, label, t.met === null ? 'chưa có ai để tính' : t.met ? 'Đã đạt' : t.gap);
	}
	// Added last, so that every row above keeps its place for programs that read the file, and
	// named so that no earlier label is part of them (a reader looking for "Số người dự học"
	// finds one row).
	const E = 'V. Học ở buổi học khác';
	add(
		E,
		'Buổi học khác có người dự (ở khu phố khác, hoặc mở vào ngày khác)',
		r.otherSessions.length
	);
	add(E, 'Người dự học ở các buổi học khác', r.otherSessionsPeople);
	return rows;
}

/**
 * `part / total` cut down to the tenth of a percent, as formatPercent cuts it (the same
 * epsilon): 49 of 135 is 0.362, so a spreadsheet's "0.0%" shows 36,2% like the page.
 */
export function shareCut(part: number, total: number): number {
	return Math.floor((part / total) * 1000 + 1e-9) / 1000;
}

export function reportFileName(r: DailyReport, ext: string): string {
	const who = r.neighborhood ? `khu-pho-${r.neighborhood.id}` : 'toan-phuong';
	return `bao-cao-ngay-${r.date}-${who}.${ext}`;
}

/** People of each khu phố who came to a class that day (the comparison's first column). */
export function attendeesByNeighborhood(store: DataStore, day: string): Map<number, number> {
	return new Map(
		dayAttendeesByNeighborhood(store.db, day).map((r) => [r.neighborhood_id, r.attendees])
	);
}

/** The weeks shown by the trend chart: 12 weeks up to the chosen day. */
export function trendWeeks(day: string) {
	return weeksUpTo(day, 12);
}

/** The 7 days ending on `day`, for "this week's" kiosk use. */
export function lastSevenDays(day: string): { from: string; to: string } {
	return { from: vnDay(vnDayStart(day) - 6 * DAY_MS), to: day };
}

export function neighborhoodList(store: DataStore): Array<{ id: number; name: string }> {
	return neighborhoods(store.db);
}
