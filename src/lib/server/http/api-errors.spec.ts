import { json } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { asApiError } from './api-errors';
import { crossSiteForm } from './cross-site';

const bodyOf = async (r: Response) => [r.status, await r.json()];

describe('refusals under /api/', () => {
	it("keep a route's own answer as it is", async () => {
		const own = json(
			{ status: 'error', reason: 'no_session', message: 'Không có.' },
			{ status: 404 }
		);
		expect(await asApiError(own)).toBe(own);
		const fine = json({ id: 1 }, { status: 201 });
		expect(await asApiError(fine)).toBe(fine);
		// A refusal whose shape is its own contract (the import's preview of bad rows).
		const rows = json({ imported: 0, duplicates: [], errors: [{ row: 3 }] }, { status: 422 });
		expect(await asApiError(rows)).toBe(rows);
	});

	it('get "status": "error" when a guard threw without it, keeping its reason and words', async () => {
		const thrown = json(
			{ message: 'Tài khoản này không có quyền', reason: 'forbidden' },
			{ status: 403 }
		);
		expect(await bodyOf(await asApiError(thrown))).toEqual([
			403,
			{ status: 'error', reason: 'forbidden', message: 'Tài khoản này không có quyền' }
		]);
	});

	it("turn SvelteKit's HTML 404 and plain-text 405 into the API's JSON, in Vietnamese", async () => {
		const page = new Response('<!doctype html><h1>404</h1>', {
			status: 404,
			headers: { 'content-type': 'text/html', 'x-kept': '1' }
		});
		const mended = await asApiError(page);
		expect(await bodyOf(mended)).toEqual([
			404,
			{ status: 'error', reason: 'not_found', message: 'Không có địa chỉ API này.' }
		]);
		expect(mended.headers.get('x-kept')).toBe('1');
		const method = new Response('GET method not allowed', { status: 405 });
		expect((await bodyOf(await asApiError(method)))[1]).toMatchObject({
			reason: 'method_not_allowed'
		});
	});
});

describe('a form post from another site', () => {
	const url = new URL('http://10.0.0.5:3000/api/import/residents');
	const post = (headers: Record<string, string>) =>
		crossSiteForm(new Request(url, { method: 'POST', headers, body: 'x' }), url);

	it('is refused with a reason when a page of another origin sent it', async () => {
		const refused = post({
			origin: 'http://evil.example',
			'content-type': 'multipart/form-data; boundary=x'
		});
		expect(await bodyOf(refused!)).toEqual([
			403,
			{
				status: 'error',
				reason: 'cross_site',
				message: 'Yêu cầu gửi từ trang của nơi khác nên bị từ chối.'
			}
		]);
		expect(post({ origin: 'null', 'content-type': 'text/plain' })?.status).toBe(403);
	});

	it('goes on from our own pages, from programs that name no origin, and as JSON', () => {
		const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
		expect(post({ ...multipart, origin: 'http://10.0.0.5:3000' })).toBeNull();
		expect(post(multipart)).toBeNull();
		// JSON cannot be sent cross-site without the browser asking the server first (CORS).
		expect(post({ origin: 'http://evil.example', 'content-type': 'application/json' })).toBeNull();
	});
});
