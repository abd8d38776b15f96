import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CompareTable from './CompareTable.svelte';
import type { CoverageView, TargetView } from './types';

type Row = CoverageView['byNeighborhood'][number];
const hood = (
	id: number,
	adults: [number, number],
	households: [number, number],
	reached: number
): Row => ({
	id,
	name: `Khu phố ${id}`,
	adults: { skilled: adults[0], total: adults[1], ratio: adults[1] ? adults[0] / adults[1] : 0 },
	households: {
		covered: households[0],
		total: households[1],
		ratio: households[1] ? households[0] / households[1] : 0
	},
	reached: { residents: reached, households: reached }
});

const coverage = {
	asOf: '2026-12-01',
	adults: { skilled: 0, total: 0, ratio: 0 },
	households: { covered: 0, total: 0, ratio: 0 },
	reached: { residents: 0, households: 0 },
	targets: [],
	byNeighborhood: [
		hood(1, [49, 135], [26, 50], 30),
		hood(2, [1, 3], [19, 50], 20),
		hood(3, [0, 0], [0, 0], 0)
	],
	definitions: { adultSkilled: 'M1', householdCovered: 'M2', adultMinAge: 15 }
} satisfies CoverageView;

const target = (
	id: number,
	metric: string,
	percent: number,
	deadline: string,
	daysLeft: number
) => ({
	id,
	metric,
	label: `${percent}%`,
	percent,
	deadline,
	total: null,
	current: null,
	required: null,
	gap: null,
	met: null,
	daysLeft
});

const table = (day: string, today = '2026-12-05', targets: TargetView[] = []) =>
	render(CompareTable, {
		props: {
			coverage: { ...coverage, targets },
			attendees: [
				{ id: 1, attendees: 7 },
				{ id: 2, attendees: 1200 }
			],
			hrefFor: (id: number) => `/bao-cao?neighborhood=${id}`,
			day,
			today
		}
	}).body;

/** The cells' text, one string per cell, of the part of the table between two tags. */
const cells = (html: string, from: string, to: string) =>
	html
		.slice(html.indexOf(from), html.indexOf(to))
		.split(/<\/t[dh]>/)
		.map((c) =>
			c
				.replace(/<!--[^]*?-->/g, '')
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim()
		)
		.filter(Boolean);

describe('the khu phố comparison', () => {
	it('says "hôm nay" only for today, and names any other day', () => {
		expect(cells(table('2026-12-05'), '<thead', '</thead>')).toContain('Dự học hôm nay');
		const past = table('2026-12-01');
		expect(past).not.toContain('hôm nay');
		expect(cells(past, '<thead', '</thead>')).toContain('Dự học ngày 01/12/2026');
		// The phone's cards name each figure by the same heading.
		expect(past).toContain('data-label="Dự học ngày 01/12/2026"');
	});

	it('says what the share is of', () => {
		expect(cells(table('2026-12-05'), '<thead', '</thead>')).toContain(
			'Tỷ lệ người trưởng thành có kỹ năng số'
		);
	});

	it('ends with the ward: sums, and shares worked out from the sums', () => {
		const total = cells(table('2026-12-05'), '<tfoot', '</tfoot>');
		// 50 of 138 adults is 36,2%; the average of the rows' shares would be 34,7% (or 25,4%).
		expect(total).toEqual([
			'Toàn phường',
			'1.207',
			'138',
			'50',
			'36,2%',
			'100',
			'45 (45,0%)',
			'50'
		]);
	});

	it('gives each khu phố its share cut to the tenth, and no share of nobody', () => {
		const body = cells(table('2026-12-05'), '<tbody', '</tbody>');
		expect(body.slice(0, 8)).toEqual([
			'Khu phố 1',
			'7',
			'135',
			'49',
			'36,2% (cao nhất)',
			'50',
			'26 (52,0%)',
			'30'
		]);
		expect(body.slice(16)).toEqual([
			'Khu phố 3',
			'0',
			'0',
			'0',
			'chưa có dữ liệu',
			'0',
			'0 (chưa có dữ liệu)',
			'0'
		]);
	});

	it("gives each khu phố's way to the targets due next, and says which they are", () => {
		const html = table('2026-12-05', '2026-12-05', [
			target(1, 'adults_skilled', 80, '2025-12-31', -339), // gone: not a goal any more
			target(2, 'adults_skilled', 100, '2026-12-31', 26),
			target(3, 'households_covered', 50, '2026-12-31', 26)
		]);
		expect(html).toContain(
			'số người, số hộ mỗi khu phố còn thiếu để đạt chỉ tiêu 100% người trưởng thành có kỹ năng số (hạn 31/12/2026) và 50% hộ được phủ (hạn 31/12/2026).'
		);
		// 95% of 50 households is 48 in each khu phố, 95 of 100 for the ward: sums can differ.
		expect(html).toContain('cộng các khu phố có thể hơn dòng Toàn phường một ít');
		const body = cells(html, '<tbody', '</tbody>');
		// 49 of 135 → 86 more for 100%; 26 of 50 households is past 50%.
		expect(body.slice(0, 8)).toEqual([
			'Khu phố 1',
			'7',
			'135',
			'49',
			'36,2% (cao nhất) còn 86 người',
			'50',
			'26 (52,0%) đã đạt',
			'30'
		]);
		expect(body[14]).toBe('19 (38,0%) còn 6 hộ');
		// Nobody registered: nothing to reach yet.
		expect(body.slice(16)).toContain('chưa có dữ liệu');
		expect(body.slice(16).join(' ')).not.toMatch(/còn|đã đạt/);
		// The ward's gap from its sums, as the targets' section below says it.
		const total = cells(html, '<tfoot', '</tfoot>');
		expect(total[4]).toBe('36,2% còn 88 người');
		expect(total[6]).toBe('45 (45,0%) còn 5 hộ');
	});

	it('says nothing of targets when none is due', () => {
		const html = table('2026-12-05', '2026-12-05', [
			target(1, 'adults_skilled', 80, '2025-12-31', -339)
		]);
		expect(html).not.toContain('còn thiếu để đạt');
		expect(cells(html, '<tbody', '</tbody>')[4]).toBe('36,2% (cao nhất)');
	});

	it('is a card a row on a phone, the total included', () => {
		const html = table('2026-12-05');
		expect(html).toContain('class="data-table stack-on-phone');
		const foot = html.slice(html.indexOf('<tfoot'));
		expect(foot).toContain('data-label="Người trưởng thành"');
		expect(foot).toContain('data-label="Hộ được phủ"');
	});
});
