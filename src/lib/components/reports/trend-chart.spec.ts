import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import TrendChart from './TrendChart.svelte';

const week = (n: number, skilled: number, adults: number) => ({
	start: `2026-10-${String(5 + 7 * n).padStart(2, '0')}`,
	end: `2026-10-${String(11 + 7 * n).padStart(2, '0')}`,
	checkins: 2,
	skilled,
	adults,
	ratio: adults ? skilled / adults : 0
});

describe('the weekly trend chart', () => {
	it('draws no share for a week with no adult on the register (not a 0 % point)', () => {
		// Two weeks before anybody was registered, one with, one without again, one with.
		const points = [week(0, 0, 0), week(1, 0, 0), week(2, 5, 10), week(3, 0, 0)];
		const { body } = render(TrendChart, { props: { points } });
		expect(body.match(/<circle /g)).toHaveLength(1);
		const runs = [...body.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1]);
		expect(runs).toHaveLength(1);
		expect(runs[0].split(' ')).toHaveLength(1);
	});

	it('breaks the line where a week has no share, and joins the weeks that have one', () => {
		const points = [week(0, 1, 4), week(1, 2, 4), week(2, 0, 0), week(3, 3, 4)];
		const { body } = render(TrendChart, { props: { points } });
		const runs = [...body.matchAll(/<polyline points="([^"]*)"/g)].map(
			(m) => m[1].split(' ').length
		);
		expect(runs).toEqual([2, 1]);
		expect(body.match(/<circle /g)).toHaveLength(3);
	});
});
