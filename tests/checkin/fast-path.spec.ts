import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { apiAs, newResident, newSession } from './support';

/**
 * POST /api/checkins has two doors: the node:http fast path (JSON bodies, tried first by
 * kiosk/server.js) and the SvelteKit route (everything else). A client must not be able to
 * tell them apart: the same request gets the same status, body and headers from either.
 * `content-type: text/plain` sends the same JSON to the route.
 */
const FAST = 'application/json';
const ROUTE = 'text/plain;charset=UTF-8';
let counter = 0;
const nonce = () => `fast-path-${Date.now()}-${++counter}`;

async function both(api: APIRequestContext, body: (door: string) => string | object) {
	// A same-origin page's request (SvelteKit refuses a text/plain POST from elsewhere).
	const origin = test.info().project.use.baseURL!;
	const send = async (type: string) => {
		const data = body(type);
		const response = await api.post('/api/checkins', {
			data: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
			headers: { 'content-type': type, origin }
		});
		const headers = response.headers();
		const json = await response.json();
		// Times and nonces differ between the two sends; everything else must match.
		for (const key of ['checkedInAt', 'firstAt', 'count'])
			if (key in json) json[key] = typeof json[key];
		return {
			status: response.status(),
			json,
			headers: Object.fromEntries(
				[
					'content-type',
					'cache-control',
					'x-content-type-options',
					'x-frame-options',
					'referrer-policy',
					'cross-origin-opener-policy',
					'cross-origin-resource-policy',
					'permissions-policy'
				].map((name) => [name, headers[name]])
			)
		};
	};
	return { fast: await send(FAST), route: await send(ROUTE) };
}

test('the fast path and the route answer every kind of check-in alike', async () => {
	const baseURL = test.info().project.use.baseURL!;
	const api = await apiAs(baseURL);
	const sessionId = await newSession(api, 'Buổi thử hai cửa');
	const first = await newResident(api, 'Lê Thị Hai Cửa');
	const second = await newResident(api, 'Trần Văn Hai Cửa');

	// The first door checks in the first person, the second door the second: both 201.
	const people = [first, second];
	const fresh = { fast: 0, route: 0 };
	const firstNonce = nonce();
	const ok = await both(api, (door) => ({
		code: people[door === FAST ? fresh.fast++ : 1 + fresh.route++].cardCode,
		sessionId,
		nonce: door === FAST ? firstNonce : nonce(),
		source: 'scanner'
	}));
	expect(ok.fast.status).toBe(201);
	expect(ok.fast.json.resident.fullName).toBe('Lê Thị Hai Cửa');
	expect(ok.route.json.resident.fullName).toBe('Trần Văn Hai Cửa');
	delete ok.fast.json.resident;
	delete ok.route.json.resident;
	expect(ok.fast).toEqual(ok.route);

	const cases: Array<[string, () => string | object]> = [
		['already', () => ({ code: first.cardCode, sessionId, nonce: nonce(), source: 'camera' })],
		['bad code', () => ({ code: '<script>', sessionId, nonce: nonce(), source: 'camera' })],
		[
			'unknown session',
			() => ({ code: first.cardCode, sessionId: 9e8, nonce: nonce(), source: 'camera' })
		],
		['wrong shape', () => ({ code: 5 })],
		['not JSON', () => 'không phải JSON'],
		['an array', () => '[1,2]'],
		[
			'too large',
			() => ({ code: 'A'.repeat(70_000), sessionId, nonce: nonce(), source: 'camera' })
		],
		// The first person's scan id on the second person's card: refused, not "ok".
		[
			'nonce_reused',
			() => ({ code: second.cardCode, sessionId, nonce: firstNonce, source: 'camera' })
		],
		// A day before the class was opened.
		[
			'before_session',
			() => ({
				code: first.cardCode,
				sessionId,
				nonce: nonce(),
				scannedAt: Date.now() - 86_400_000,
				source: 'camera'
			})
		]
	];
	for (const [name, body] of cases) {
		const { fast, route } = await both(api, body);
		expect(fast.status, name).toBeGreaterThanOrEqual(200);
		expect(fast.status, name).toBeLessThan(500);
		expect(fast, name).toEqual(route);
		if (name.includes('_')) expect(fast.json.reason, name).toBe(name);
	}

	const anonymous = await request.newContext({ baseURL });
	const refused = await both(anonymous, () => ({
		code: first.cardCode,
		sessionId,
		nonce: nonce(),
		source: 'camera'
	}));
	expect(refused.fast.status).toBe(401);
	expect(refused.fast).toEqual(refused.route);
	await anonymous.dispose();
	await api.dispose();
});
