import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { opHandlers } from '../ops';
import { Store } from '../store/store';
import { coverageReport, resolveDay, resolveScope, type Scope } from './coverage';
import { saveTarget } from './coverage-admin';
import { recordMilestone, residentSkills, undoMilestone } from './milestones';
import { at, D, loadFixture, NOW } from './reports.fixture';
import { formatShare } from '../../domain/format';
import {
	attendeesByNeighborhood,
	dailyReport,
	dailyReportJson,
	dailyReportRows,
	shareCut
} from './reports';
import { dashboard, weeklyTrend } from './reports-dashboard';
import { dailyReportCsv, dailyReportXlsx } from './reports-export';

const actor = (id: number, role: Actor['role'], nb: number | null): Actor => ({
	id,
	username: `u${id}`,
	displayName: `u${id}`,
	role,
	neighborhoodId: nb
});
const officer = actor(1, 'officer', null);
const head1 = actor(2, 'head', 1);
const volunteerA = actor(4, 'volunteer', null);
const volunteerB = actor(5, 'volunteer', null);

let store: Store;
let clock = NOW;
const KP1: Scope = { neighborhoodId: 1, name: 'Khu phố 1', ward: 'Phường Hà Tu' };
const KP2: Scope = { neighborhoodId: 2, name: 'Khu phố 2', ward: 'Phường Hà Tu' };
const WARD: Scope = { neighborhoodId: null, name: 'Toàn phường', ward: 'Phường Hà Tu' };

beforeAll(async () => {
	store = await Store.open({
		dir: mkdtempSync(join(tmpdir(), 'ths-reports-')),
		handlers: {
			...opHandlers,
			'fixture.load': (db) => loadFixture(db),
			'fixture.erase': (db, p: { residentId: number }) =>
				db.run('DELETE FROM residents WHERE id = ?', [p.residentId])
		},
		log: () => {},
		now: () => clock
	});
	await store.write('fixture.load', {});
	// R5's milestones of D go through the real service and ops; M8 is then undone.
	for (const skill of ['M4', 'M5', 'M7', 'M8']) {
		const r = await recordMilestone(store, volunteerA, 5, { skill, evidence: 'real' }, NOW);
		expect(r.ok).toBe(true);
	}
	const m8 = store.db.value<number>(
		"SELECT id FROM milestones WHERE resident_id = 5 AND skill_code = 'M8'"
	)!;
	expect((await undoMilestone(store, volunteerB, 5, m8)).ok).toBe(false); // not the witness
	expect((await undoMilestone(store, volunteerA, 5, m8)).ok).toBe(true);
});
afterAll(() => store.close());

describe('coverage of the fixture ward (hand-computed)', () => {
	it('counts adults skilled and households covered per khu phố and for the ward', () => {
		const ward = coverageReport(store, D, WARD);
		expect(ward.adults).toEqual({ total: 8, skilled: 3, ratio: 3 / 8 });
		expect(ward.households).toEqual({ total: 5, covered: 2, ratio: 2 / 5 });
		expect(ward.reached).toEqual({ residents: 7, households: 3 });
		const [kp1, kp2] = ward.byNeighborhood;
		expect(kp1.adults).toEqual({ total: 5, skilled: 2, ratio: 0.4 });
		expect(kp1.households).toEqual({ total: 3, covered: 1, ratio: 1 / 3 });
		expect(kp1.reached).toEqual({ residents: 5, households: 2 });
		expect(kp2.adults).toEqual({ total: 3, skilled: 1, ratio: 1 / 3 });
		expect(kp2.households).toEqual({ total: 2, covered: 1, ratio: 0.5 });
		expect(kp2.reached).toEqual({ residents: 2, households: 1 });
	});

	it('gives each target its gap in people and households', () => {
		const gaps = (s: Scope) =>
			coverageReport(store, D, s).targets.map((t) => [t.metric, t.percent, t.required, t.gap]);
		expect(gaps(WARD)).toEqual([
			['adults_skilled', 80, 7, 4],
			['adults_skilled', 100, 8, 5],
			['households_covered', 95, 5, 3],
			['pupils', 100, null, null]
		]);
		expect(gaps(KP1)).toEqual([
			['adults_skilled', 80, 4, 2],
			['adults_skilled', 100, 5, 3],
			['households_covered', 95, 3, 2],
			['pupils', 100, null, null]
		]);
		expect(coverageReport(store, D, KP1).targets[0].daysLeft).toBe(-329);
	});

	it('is as of the chosen day: the day before D knows nothing of D', () => {
		const before = coverageReport(store, '2026-11-24', WARD);
		expect(before.adults.skilled).toBe(2); // R4, R7; R1's M9 came on D
		expect(before.households.covered).toBe(2); // H1 through R2 (20/11), H4 through R7
		expect(coverageReport(store, '2026-11-24', KP1).reached).toEqual({
			residents: 4,
			households: 2
		});
	});
});

describe('the daily report', () => {
	it('counts the day of Khu phố 1', () => {
		const json = dailyReportJson(dailyReport(store, D, KP1));
		expect(json).toMatchObject({
			date: D,
			neighborhood: { id: 1, name: 'Khu phố 1' },
			sessions: 2,
			checkins: 5,
			attendees: 4,
			households: 2,
			helped: { vneid: 3, publicServices: 1, qrPayments: 3 },
			newMilestonesTotal: 4
		});
		expect(json.newMilestones).toMatchObject({ M4: 1, M5: 1, M7: 1, M8: 0, M9: 1, M2: 0 });
	});

	it('counts Khu phố 2, with an erased resident still one attendee and one household', () => {
		expect(dailyReportJson(dailyReport(store, D, KP2))).toMatchObject({
			sessions: 1,
			checkins: 2,
			attendees: 2,
			households: 2,
			helped: { vneid: 1, publicServices: 2, qrPayments: 0 },
			newMilestonesTotal: 1
		});
	});

	it('adds up to the ward, and a check-in at 06:30 on 26/11 belongs to 26/11', () => {
		expect(dailyReportJson(dailyReport(store, D, WARD))).toMatchObject({
			sessions: 3,
			checkins: 7,
			attendees: 6,
			households: 4,
			helped: { vneid: 4, publicServices: 3, qrPayments: 3 },
			newMilestonesTotal: 5
		});
		expect(dailyReport(store, '2026-11-26', KP1)).toMatchObject({ checkins: 1, attendees: 1 });
		expect(dailyReport(store, '2026-11-24', KP1)).toMatchObject({ checkins: 1, sessions: 1 });
	});

	it('writes the same figures into the CSV (BOM, neutralised cells) and the XLSX', async () => {
		const report = dailyReport(store, D, KP1);
		const csv = dailyReportCsv(report);
		expect(csv.startsWith('\ufeff')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toContain('I. Hoạt động trong ngày,Số người dự học,4');
		expect(lines).toContain('I. Hoạt động trong ngày,Số lượt điểm danh,5');
		expect(lines).toContain('I. Hoạt động trong ngày,Số người được hỗ trợ VNeID,3');
		expect(lines).toContain(
			'III. Kết quả luỹ kế đến hết ngày 25/11/2026,Tỷ lệ người trưởng thành có kỹ năng số cơ bản,"40,0%"'
		);
		const xml = unzipEntry(dailyReportXlsx(report), 'xl/worksheets/sheet1.xml');
		const rows = dailyReportRows(report);
		for (const [i, row] of rows.entries()) {
			const r = i + 6; // five rows of heading above the table
			const value =
				row.ratio !== undefined
					? `<c r="C${r}" s="2"><v>${row.ratio}</v></c>`
					: typeof row.value === 'number'
						? `<c r="C${r}"><v>${row.value}</v></c>`
						: `<c r="C${r}" t="inlineStr"><is><t xml:space="preserve">${row.value}</t></is></c>`;
			expect(xml).toContain(value);
		}
		expect(xml).toContain('Số hộ có người dự học</t></is></c><c r="C8"><v>2</v>');

		// An officer-edited label that looks like a formula is text in the CSV.
		expect(
			(
				await saveTarget(
					store,
					officer,
					form({ id: '3', percent: '95', deadline: '2026-12-31', label: '=HYPERLINK("http://x")' })
				)
			).ok
		).toBe(true);
		const edited = dailyReportCsv(dailyReport(store, D, KP1));
		expect(edited).toContain(`,"'=HYPERLINK(""http://x"") – hạn 31/12/2026: còn thiếu",2`);

		// A deadline decades off is a typo (the report said "đã quá hạn 13484 ngày"): refused.
		for (const deadline of ['1990-01-01', '2024-12-31', '2036-01-01']) {
			expect(
				await saveTarget(
					store,
					officer,
					form({ id: '3', percent: '95', deadline, label: 'Chỉ tiêu' })
				)
			).toEqual({
				ok: false,
				field: 'deadline',
				message: 'Hạn hoàn thành phải trong khoảng 01/01/2025 đến 31/12/2035.'
			});
		}
	});
});

describe('shares in the report file', () => {
	it('are cut to the tenth, and a khu phố with nobody says so instead of 0,0%', () => {
		const report = dailyReport(store, D, KP1);
		const share = (r: typeof report, label: string) =>
			dailyReportRows(r).find((row) => row.label === label)?.value;
		const ADULTS = 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản';
		const HOUSEHOLDS = 'Tỷ lệ hộ được phủ';
		const withCounts = (adults: [number, number], households: [number, number]) => ({
			...report,
			coverage: {
				...report.coverage,
				adults: { skilled: adults[0], total: adults[1], ratio: 0 },
				households: { covered: households[0], total: households[1], ratio: 0 }
			}
		});
		const partly = withCounts([49, 135], [1999, 2000]);
		expect(share(partly, ADULTS)).toBe('36,2%');
		expect(share(partly, HOUSEHOLDS)).toBe('99,9%');
		const empty = withCounts([0, 0], [0, 0]);
		expect(share(empty, ADULTS)).toBe('chưa có dữ liệu');
		expect(share(empty, HOUSEHOLDS)).toBe('chưa có dữ liệu');
	});
});

describe('percentages and targets met in the report rows and files', () => {
	it('stores a percentage in the XLSX as a number with a one-decimal percent format', () => {
		const report = dailyReport(store, D, KP1); // 2 of 5 adults, 1 of 3 households
		const xml = unzipEntry(dailyReportXlsx(report), 'xl/worksheets/sheet1.xml');
		expect(xml).toMatch(
			/Tỷ lệ người trưởng thành có kỹ năng số cơ bản<\/t><\/is><\/c><c r="C\d+" s="2"><v>0\.4<\/v><\/c>/
		);
		expect(xml).toMatch(/Tỷ lệ hộ được phủ<\/t><\/is><\/c><c r="C\d+" s="2"><v>0\.333<\/v><\/c>/);
		expect(xml).not.toContain('%</t>');
		const styles = unzipEntry(dailyReportXlsx(report), 'xl/styles.xml');
		expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
		// Style 2, the third of cellXfs: a one-decimal percent.
		expect(styles).toMatch(
			/<cellXfs count="\d+">(<xf [^>]*\/>){2}<xf numFmtId="164" [^>]*applyNumberFormat="1"\/>/
		);
		// The CSV keeps the text, as before.
		expect(dailyReportCsv(report)).toContain(',Tỷ lệ hộ được phủ,"33,3%"');
	});

	it('shows in Excel the share the page prints: cut to the tenth, not rounded up', () => {
		const report = dailyReport(store, D, KP1);
		const xlsxShares = (adults: [number, number], households: [number, number]) => {
			const xml = unzipEntry(
				dailyReportXlsx({
					...report,
					coverage: {
						...report.coverage,
						adults: { skilled: adults[0], total: adults[1], ratio: 0 },
						households: { covered: households[0], total: households[1], ratio: 0 }
					}
				}),
				'xl/worksheets/sheet1.xml'
			);
			return [...xml.matchAll(/s="2"><v>([^<]+)<\/v>/g)].map((m) => Number(m[1]));
		};
		// What Excel's "0.0%" shows for a stored number: rounded to the tenth of a percent.
		const excelShows = (v: number) =>
			`${(Math.round(v * 1000) / 10).toFixed(1).replace('.', ',')}%`;
		// 517 of 1.078 adults is 47,959…%: the page says 47,9%, and Excel said 48,0%. 1.999 of
		// 2.000 households said 100,0% in Excel, a target that is not met.
		expect(xlsxShares([517, 1078], [1999, 2000]).map(excelShows)).toEqual(['47,9%', '99,9%']);
		expect(xlsxShares([49, 135], [62, 143]).map(excelShows)).toEqual(['36,2%', '43,3%']);
		for (let total = 1; total <= 300; total++) {
			for (let part = 0; part <= total; part++) {
				expect(excelShows(shareCut(part, total))).toBe(formatShare(part, total));
			}
		}
	});

	it('says "Đã đạt" for a target met, in the rows, the CSV and the XLSX, not "còn thiếu 0"', () => {
		const report = dailyReport(store, D, KP1);
		const [first, ...rest] = report.coverage.targets;
		const met = {
			...report,
			coverage: {
				...report.coverage,
				targets: [{ ...first, current: first.required, gap: 0, met: true }, ...rest]
			}
		};
		const label = `${first.label} – hạn 31/12/2025: còn thiếu`;
		const rows = dailyReportRows(met).filter((r) => r.section === 'IV. So với chỉ tiêu');
		expect(rows.map((r) => r.value)).toEqual(['Đã đạt', 3, 2, 'chưa có số liệu trong hệ thống']);
		expect(rows[0].label).toBe(label);
		expect(dailyReportCsv(met)).toContain(`,${label},Đã đạt\r\n`);
		const r = 6 + dailyReportRows(met).findIndex((row) => row.label === label);
		expect(unzipEntry(dailyReportXlsx(met), 'xl/worksheets/sheet1.xml')).toContain(
			`<c r="C${r}" t="inlineStr"><is><t xml:space="preserve">Đã đạt</t></is></c>`
		);
	});
});

describe('a target the system holds no figures for (pupils)', () => {
	it('is in the report’s rows, the CSV and the XLSX, saying there are no figures, not a 0', () => {
		const report = dailyReport(store, D, KP1);
		const pupils = report.coverage.targets.find((t) => t.metric === 'pupils')!;
		expect(pupils.gap).toBeNull();
		const label = `${pupils.label} – hạn 31/12/2026: còn thiếu`;
		const rows = dailyReportRows(report).filter((r) => r.label === label);
		// It was left out: a head reading the report saw three targets where the ward set four.
		expect(rows).toEqual([
			{ section: 'IV. So với chỉ tiêu', label, value: 'chưa có số liệu trong hệ thống' }
		]);
		expect(dailyReportCsv(report)).toContain(
			`IV. So với chỉ tiêu,${label},chưa có số liệu trong hệ thống\r\n`
		);
		const r = 6 + dailyReportRows(report).findIndex((row) => row.label === label);
		expect(unzipEntry(dailyReportXlsx(report), 'xl/worksheets/sheet1.xml')).toContain(
			`<c r="C${r}" t="inlineStr"><is><t xml:space="preserve">chưa có số liệu trong hệ thống</t></is></c>`
		);
	});
});

describe('the whole ward’s XLSX', () => {
	const cells = (xml: string) =>
		[...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map(([, , row]) =>
			[...row.matchAll(/<c r="[A-Z]+\d+"([^>]*)>(.*?)<\/c>/g)].map(([, attrs, body]) => {
				const v = body.replace(/<[^>]+>/g, '');
				return attrs.includes('inlineStr') ? v : Number(v);
			})
		);

	it('carries the comparison of the khu phố, as the officer’s dashboard shows it', () => {
		const report = dailyReport(store, D, WARD);
		const xlsx = dailyReportXlsx(report, attendeesByNeighborhood(store, D));
		expect(unzipEntry(xlsx, 'xl/workbook.xml')).toContain(
			'<sheet name="Báo cáo ngày" sheetId="1" r:id="rId1"/><sheet name="So sánh khu phố" sheetId="2" r:id="rId2"/>'
		);
		expect(unzipEntry(xlsx, '[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
		const rows = cells(unzipEntry(xlsx, 'xl/worksheets/sheet2.xml'));
		expect(rows[4]).toEqual([
			'Khu phố',
			'Dự học ngày 25/11/2026',
			'Người trưởng thành',
			'Có kỹ năng số cơ bản',
			'Tỷ lệ người trưởng thành có kỹ năng số',
			'Còn thiếu (người) để đạt 100%, hạn 31/12/2026',
			'Số hộ',
			'Hộ được phủ',
			'Tỷ lệ hộ được phủ',
			'Còn thiếu (hộ) để đạt 95%, hạn 31/12/2026',
			'Hộ đã tiếp cận'
		]);
		// The same figures as coverage.byNeighborhood and the day's JSON, and a ward row of sums.
		const byName = new Map(rows.slice(5).map((r) => [r[0], r]));
		for (const n of report.coverage.byNeighborhood) {
			const row = byName.get(n.name)!;
			expect(row.slice(2, 5)).toEqual([
				n.adults.total,
				n.adults.skilled,
				shareCut(n.adults.skilled, n.adults.total)
			]);
			expect(row.slice(6, 8)).toEqual([n.households.total, n.households.covered]);
			expect(row[10]).toBe(n.reached.households);
		}
		const ward = byName.get('Toàn phường')!;
		expect(ward[1]).toBe(report.attendees);
		expect(ward.slice(2, 4)).toEqual([
			report.coverage.adults.total,
			report.coverage.adults.skilled
		]);
		expect(ward.slice(6, 8)).toEqual([
			report.coverage.households.total,
			report.coverage.households.covered
		]);
		// Long headings wrap in their narrow columns (a filled neighbour cut them off), and the
		// ward's shares are bold like the rest of its row.
		const sheet = unzipEntry(xlsx, 'xl/worksheets/sheet2.xml');
		const styles = unzipEntry(xlsx, 'xl/styles.xml');
		const xfs = [...styles.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)]
			.map((m) => m[0])
			.slice(1);
		const heading = Number(/<c r="E5"[^>]*\bs="(\d+)"/.exec(sheet)![1]);
		expect(xfs[heading]).toMatch(/fontId="1"[\s\S]*<alignment wrapText="1"/);
		const wardRow = 5 + report.coverage.byNeighborhood.length + 1;
		const share = Number(new RegExp(`<c r="E${wardRow}"[^>]*\\bs="(\\d+)"`).exec(sheet)![1]);
		expect(xfs[share]).toMatch(/numFmtId="164" fontId="1"/);
	});

	it('is one sheet for a khu phố', () => {
		const xlsx = dailyReportXlsx(dailyReport(store, D, KP1), attendeesByNeighborhood(store, D));
		expect(unzipEntry(xlsx, 'xl/workbook.xml')).not.toContain('So sánh khu phố');
	});
});

describe('the dashboard', () => {
	it('draws twelve weeks ending with D, with the week of D counted to D', () => {
		const trend = weeklyTrend(store, D, KP1);
		expect(trend).toHaveLength(12);
		expect(trend[11]).toMatchObject({ start: '2026-11-23', end: D, checkins: 6 });
		expect(trend[11]).toMatchObject({ adults: 5, skilled: 2 });
		expect(trend[10]).toMatchObject({ start: '2026-11-16', end: '2026-11-22', checkins: 0 });
		expect(trend[10]).toMatchObject({ skilled: 1 });
		expect(weeklyTrend(store, D, WARD)[11]).toMatchObject({
			checkins: 8,
			skilled: 3
		});
	});

	it('lists sessions, check-ins, kiosk use and the households not reached', async () => {
		const data = await dashboard(store, head1, D, KP1, 'address');
		expect(data.sessions.map((s) => [s.time, s.title, s.attendees])).toEqual([
			['08:00', 'VNeID mức 2', 3],
			['14:00', 'Chuyển khoản VietQR', 2]
		]);
		expect(data.attendance.map((a) => [a.time, a.name, a.volunteer])).toEqual([
			['00:10', 'Trần Văn Ba', 'Tình nguyện viên A'],
			['08:05', 'Trần Văn Một', 'Tình nguyện viên A'],
			['08:10', 'Nguyễn Thị Hai', 'Tình nguyện viên A'],
			['14:02', 'Trần Văn Một', 'Tình nguyện viên A'],
			['14:05', 'Lê Thị Bốn', 'Tình nguyện viên A']
		]);
		expect(data.notReached.map((h) => h.address)).toEqual(['Số 3, tổ 2, Khu phố 1']);
		expect(data.kiosk.day).toEqual([
			{ walkthrough_id: 'vneid-kich-hoat', starts: 2, completes: 1, leaves: 1 }
		]);
		expect(data.kiosk.week.map((k) => [k.walkthrough_id, k.starts])).toEqual([
			['vneid-kich-hoat', 2],
			['tien-dien', 1]
		]);
		const ward = await dashboard(store, officer, D, WARD, 'members');
		expect(ward.notReached.map((h) => h.address)).toEqual([
			'Số 3, tổ 2, Khu phố 1',
			'Số 5, tổ 3, Khu phố 2'
		]);
		expect(ward.compare?.map((c) => c.attendees)).toEqual([4, 2]);
	});
});

describe('scope and input', () => {
	it('keeps a head to their own khu phố and refuses bad dates', () => {
		expect(resolveScope(store, head1, null)).toMatchObject({ ok: true, scope: KP1 });
		expect(resolveScope(store, head1, '2')).toMatchObject({ ok: false, status: 403 });
		expect(resolveScope(store, officer, null)).toMatchObject({ ok: true, scope: WARD });
		expect(resolveScope(store, officer, '9')).toMatchObject({ ok: false, status: 404 });
		expect(resolveScope(store, officer, "1' OR 1=1")).toMatchObject({ ok: false, status: 400 });
		expect(resolveDay('2026-02-30', NOW)).toMatchObject({ ok: false, reason: 'bad_date' });
		expect(resolveDay('2026-11-26', NOW)).toMatchObject({ ok: false, reason: 'future_date' });
		expect(resolveDay(null, at('2026-11-26', '06:30'))).toEqual({ ok: true, day: '2026-11-26' });
	});

	it('rolls a household up from its members and keeps undone milestones in history', async () => {
		const view = await residentSkills(store, volunteerA, 5, NOW);
		if (!view.ok) throw new Error(view.message);
		expect(view.view.household.covered).toBe(false);
		expect(view.view.household.missing).toEqual([['M8']]);
		expect(view.view.history.find((m) => m.skill === 'M8')?.undoneAt).toBe(NOW);
		expect(Object.keys(view.view.held).sort()).toEqual(['M4', 'M5', 'M7']);
		expect((await residentSkills(store, head1, 7, NOW)).ok).toBe(false); // KP2's resident
	});

	it('refuses a duplicate, a future date and an undo on a later day', async () => {
		const dup = await recordMilestone(store, volunteerA, 5, { skill: 'M4', evidence: 'real' }, NOW);
		expect(dup).toMatchObject({ ok: false, reason: 'already_recorded' });
		const future = await recordMilestone(
			store,
			volunteerA,
			5,
			{ skill: 'M1', evidence: 'real', date: '2026-11-26' },
			NOW
		);
		expect(future).toMatchObject({ ok: false, reason: 'future_date' });
		const bad = await recordMilestone(store, volunteerA, 5, { skill: 'M99', evidence: 'x' }, NOW);
		expect(bad).toMatchObject({ ok: false, reason: 'unknown_skill' });
		const m5 = store.db.value<number>(
			"SELECT id FROM milestones WHERE resident_id = 5 AND skill_code = 'M5'"
		)!;
		clock = at('2026-11-26', '07:00');
		try {
			expect(await undoMilestone(store, volunteerA, 5, m5)).toMatchObject({
				ok: false,
				reason: 'too_late'
			});
		} finally {
			clock = NOW;
		}
	});
});

function form(values: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

/** Reads one entry of a zip (the XLSX) back, through its central directory. */
function unzipEntry(zip: Buffer, name: string): string {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let p = zip.readUInt32LE(end + 16);
	for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
		const size = zip.readUInt32LE(p + 20);
		const nameLength = zip.readUInt16LE(p + 28);
		const offset = zip.readUInt32LE(p + 42);
		const entry = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
		if (entry === name) {
			const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
			return inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
		}
		p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
	}
	throw new Error(`${name} not in zip`);
}

describe('definitions as data', () => {
	it('recounts everyone when the officer changes what "skilled" means', async () => {
		const f = form({
			adultSkilled: 'M0; M2',
			householdCovered: 'M4; M5/M6; M7; M8',
			adultMinAge: '18'
		});
		const { saveDefinitions } = await import('./coverage-admin');
		expect(await saveDefinitions(store, officer, f)).toEqual({ ok: true });
		// R2 (M0, M2 on 05/11) now counts; R10 has M2 only.
		expect(coverageReport(store, D, WARD).adults.skilled).toBe(4);
		const back = form({
			adultSkilled: 'M0; M2; M9',
			householdCovered: 'M4; M5/M6; M7; M8',
			adultMinAge: '18'
		});
		expect(await saveDefinitions(store, officer, back)).toEqual({ ok: true });
		expect(coverageReport(store, D, WARD).adults.skilled).toBe(3);
		const bad = form({ adultSkilled: 'M0; M77', householdCovered: 'M4', adultMinAge: '18' });
		expect(await saveDefinitions(store, officer, bad)).toMatchObject({ ok: false });
	});
});

describe('erasure on request', () => {
	it('drops the resident from coverage but keeps their check-in in the day counts', async () => {
		await store.write('fixture.erase', { residentId: 4 });
		const kp1 = coverageReport(store, D, KP1);
		expect(kp1.adults).toMatchObject({ total: 4, skilled: 1 });
		expect(kp1.reached).toEqual({ residents: 4, households: 2 });
		// R4 was H2's one attendee on D: H2 still came that day.
		expect(dailyReport(store, D, KP1)).toMatchObject({ checkins: 5, attendees: 4, households: 2 });
	});
});
