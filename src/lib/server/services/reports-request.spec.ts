import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { actorNamed, demoStore } from './privacy.testing';
import { reportPageQuery, reportQuery } from './reports-request';

const NOW = Date.UTC(2026, 11, 2, 3); // 02/12/2026, 10:00 in Vietnam
let store: Store;
beforeAll(async () => {
	store = await demoStore(NOW);
});
afterAll(() => store.close());

const url = (query: string) => new URL(`http://x/bao-cao/ngay?${query}`);

describe('a day in a report address', () => {
	it('that is no day, or still to come: the page shows today and says so; the files still answer 400', () => {
		const head = actorNamed(store, 'truongkhu3');
		const bad = 'Ngày trong địa chỉ không đúng. Đang xem hôm nay.';
		for (const date of ['02/12/2026', '2026-02-30', '2026-13-01', 'hom-nay']) {
			const q = reportPageQuery(store, head, url(`date=${encodeURIComponent(date)}`), NOW);
			expect(q).toMatchObject({ ok: true, day: '2026-12-02', dateNotice: bad });
			expect(q.ok && q.scope.neighborhoodId).toBe(3);
		}
		expect(reportPageQuery(store, head, url('date=2026-12-03'), NOW)).toMatchObject({
			ok: true,
			day: '2026-12-02',
			dateNotice: 'Ngày trong địa chỉ chưa tới, chưa có số liệu. Đang xem hôm nay.'
		});
		expect(reportPageQuery(store, head, url('date=2026-11-30'), NOW)).toMatchObject({
			ok: true,
			day: '2026-11-30',
			dateNotice: null
		});
		// The JSON, CSV and XLSX endpoints (reportQuery) keep their 400 and its reason.
		const officer = actorNamed(store, 'quantri');
		expect(reportQuery(store, officer, url('date=02/12/2026'), NOW)).toMatchObject({
			ok: false,
			status: 400,
			reason: 'bad_date'
		});
		expect(reportQuery(store, officer, url('date=2026-12-03'), NOW)).toMatchObject({
			ok: false,
			status: 400,
			reason: 'future_date'
		});
	});

	it('keeps the khu phố rules: a head asking for another khu phố is still refused', () => {
		const head = actorNamed(store, 'truongkhu3');
		expect(reportPageQuery(store, head, url('date=02/12/2026&neighborhood=1'), NOW)).toMatchObject({
			ok: false,
			status: 403,
			reason: 'forbidden'
		});
	});
});
