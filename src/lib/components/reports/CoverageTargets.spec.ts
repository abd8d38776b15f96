import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CoverageTargets from './CoverageTargets.svelte';
import TrendChart from './TrendChart.svelte';
import type { CoverageView, TargetView } from './types';

const target = (over: Partial<TargetView>): TargetView => ({
	id: 3,
	metric: 'adults_skilled',
	label: 'Người trưởng thành có kỹ năng số cơ bản',
	percent: 36.3,
	deadline: '2026-12-31',
	total: 135,
	current: 49,
	required: 50,
	gap: 1,
	met: false,
	daysLeft: 30,
	...over
});

const coverage = (adults: [number, number], households: [number, number], t: TargetView) =>
	({
		asOf: '2026-12-01',
		adults: { skilled: adults[0], total: adults[1], ratio: adults[1] ? adults[0] / adults[1] : 0 },
		households: {
			covered: households[0],
			total: households[1],
			ratio: households[1] ? households[0] / households[1] : 0
		},
		reached: { residents: 0, households: 0 },
		targets: [t],
		byNeighborhood: [],
		definitions: { adultSkilled: 'M1', householdCovered: 'M2', adultMinAge: 15 }
	}) satisfies CoverageView;

/** The page's text without tags, its spaces as one. */
const text = (html: string) =>
	html
		.replace(/<!--[^]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');

describe('coverage against the targets', () => {
	it('does not show a target not yet met as its percentage reached', () => {
		const body = text(
			render(CoverageTargets, { props: { coverage: coverage([49, 135], [19, 50], target({})) } })
				.body
		);
		expect(body).toContain('49 / 135 người trưởng thành có kỹ năng số cơ bản (36,2%)');
		expect(body).toContain('Còn 1 người để đạt 36,3% (50 người)');
		expect(body).not.toContain('(36,3%)');
		const html = render(CoverageTargets, {
			props: { coverage: coverage([49, 135], [19, 50], target({})) }
		}).body;
		expect(html).toContain('aria-label="Đạt 36,2% trên chỉ tiêu 36,3%"');
	});

	it('says there is no data yet for a khu phố with nobody in it, not 0,0%', () => {
		const empty = target({ total: 0, current: 0, required: 0, gap: 0, met: null });
		const body = text(
			render(CoverageTargets, { props: { coverage: coverage([0, 0], [0, 0], empty) } }).body
		);
		expect(body).toContain('0 / 0 người trưởng thành có kỹ năng số cơ bản (chưa có dữ liệu)');
		expect(body).toContain('hộ có người dùng được 4 kỹ năng số thiết yếu (chưa có dữ liệu)');
		expect(body).not.toContain('0,0%');
		expect(
			render(CoverageTargets, { props: { coverage: coverage([0, 0], [0, 0], empty) } }).body
		).toContain('aria-label="Chưa có dữ liệu để tính chỉ tiêu 36,3%"');
	});

	it('lists a target it holds no figures for, saying so, with no bar and no number', () => {
		const pupils = target({
			id: 4,
			metric: 'pupils',
			label: '100% học sinh được phổ cập kỹ năng số',
			percent: 100,
			total: null,
			current: null,
			required: null,
			gap: null,
			met: null
		});
		const props = { coverage: { ...coverage([49, 135], [19, 50], target({})) } };
		props.coverage.targets = [...props.coverage.targets, pupils];
		const html = render(CoverageTargets, { props }).body;
		const items = [...html.matchAll(/<li[^>]*>([^]*?)<\/li>/g)].map((m) => text(m[1]).trim());
		// It was left out: the head saw the ward's other targets only.
		expect(items).toHaveLength(2);
		expect(items[1]).toBe(
			'100% học sinh được phổ cập kỹ năng số Chưa có số liệu trong hệ thống để tính chỉ tiêu này — hạn 31/12/2026 (còn 30 ngày)'
		);
		// One bar, the measured target's: none that would show the pupils at 0%.
		expect(html.match(/role="img"/g)).toHaveLength(1);
	});

	it('writes the weekly trend the same way', () => {
		const point = (skilled: number, adults: number) => ({
			start: '2026-11-23',
			end: '2026-11-29',
			checkins: 3,
			skilled,
			adults,
			ratio: adults ? skilled / adults : 0
		});
		expect(text(render(TrendChart, { props: { points: [point(49, 135)] } }).body)).toContain(
			'vào cuối mỗi tuần (tuần này: 36,2%)'
		);
		const empty = text(render(TrendChart, { props: { points: [point(0, 0)] } }).body);
		expect(empty).toContain('vào cuối mỗi tuần (tuần này: chưa có dữ liệu)');
		expect(empty).not.toContain('0,0%');
	});
});
