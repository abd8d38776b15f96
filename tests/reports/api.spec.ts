import { expect, test } from '@playwright/test';
import { DEMO } from '../support/pages';
import { apiSignIn } from '../support/sign-in';

test.beforeEach(async ({ request }) => {
	const login = await apiSignIn(request, 'truongkhu1', DEMO.password);
	expect(login.status()).toBe(200);
});

test('bad report queries are a 4xx with a reason, never a 500', async ({ request }) => {
	const cases: Array<[string, number, string]> = [
		['/api/reports/daily?date=2026-13-01', 400, 'bad_date'],
		['/api/reports/daily?date=2099-01-01', 400, 'future_date'],
		['/api/reports/daily?date=25/11/2026', 400, 'bad_date'],
		['/api/reports/daily?neighborhood=1%27%20OR%201=1', 400, 'bad_neighborhood'],
		['/api/reports/coverage?neighborhood=2', 403, 'forbidden'],
		['/api/reports/daily.csv?neighborhood=3', 403, 'forbidden'],
		['/api/reports/daily.xlsx?date=x', 400, 'bad_date']
	];
	for (const [url, status, reason] of cases) {
		const response = await request.get(url);
		expect(response.status(), url).toBe(status);
		expect(await response.json(), url).toMatchObject({ status: 'error', reason });
	}
});

test('the coverage JSON keeps its contract', async ({ request }) => {
	const body = await (await request.get('/api/reports/coverage')).json();
	expect(body.neighborhood).toEqual({ id: 1, name: 'Khu phố 1' });
	expect(body.adults.total).toBeGreaterThan(0);
	expect(body.adults.skilled).toBeGreaterThanOrEqual(0);
	expect(body.households.total).toBe(50);
	expect(body.households.covered).toBeGreaterThanOrEqual(0);
	const households = body.targets.find(
		(t: { metric: string }) => t.metric === 'households_covered'
	);
	expect(households).toMatchObject({ percent: 95, deadline: '2026-12-31', required: 48 });
	expect(households.gap).toBe(Math.max(0, 48 - body.households.covered));
});

test('a head records milestones only for their own khu phố', async ({ request }) => {
	const other = await request.post('/api/residents/1000/milestones', {
		data: { skill: 'M4', evidence: 'real' }
	});
	expect(other.status()).toBe(403);
	const malformed = await request.post('/api/residents/1/milestones', { data: '[1]' });
	expect(malformed.status()).toBe(400);
	const badEvidence = await request.post('/api/residents/1/milestones', {
		data: { skill: 'M4', evidence: 'heard about it' }
	});
	expect(await badEvidence.json()).toMatchObject({ reason: 'bad_evidence' });
});
