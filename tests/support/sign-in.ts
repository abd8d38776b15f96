import { request, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

/**
 * Every test signs in from 127.0.0.1, so the whole suite shares one sign-in allowance (30 tries,
 * then one a second, src/lib/server/http/guards.ts). On a fast machine the suite uses it up; the
 * helpers below then wait as the answer says, like a person or a well-behaved client would.
 */
export const MAX_WAITS = 10;
const SETTLE_MS = 15_000;
export const pause = (seconds: number) => new Promise((done) => setTimeout(done, 1000 * seconds));

/** `POST /api/auth/login`, a 429 waited out for as long as its Retry-After says. */
export async function apiSignIn(
	ctx: APIRequestContext,
	username: string,
	secret: string
): Promise<APIResponse> {
	let response = await ctx.post('/api/auth/login', { data: { username, secret } });
	for (let i = 0; response.status() === 429 && i < MAX_WAITS; i++) {
		await pause(Number(response.headers()['retry-after'] ?? 1));
		response = await ctx.post('/api/auth/login', { data: { username, secret } });
	}
	return response;
}

/**
 * An API client of a test's own server at `url`, signed in as `username`. It sends the
 * server's own Origin, as a page of it would (the cross-site guard refuses writes without).
 */
export async function apiClientSignedIn(
	url: string,
	username: string,
	secret: string
): Promise<APIRequestContext> {
	const client = await request.newContext({ baseURL: url, extraHTTPHeaders: { origin: url } });
	const response = await apiSignIn(client, username, secret);
	if (response.status() !== 200) {
		throw new Error(`sign-in as ${username} on ${url} answered ${response.status()}`);
	}
	return client;
}

/**
 * After the sign-in form was sent: the seconds the page asks to wait ("Xin đợi N giây"), or
 * undefined once it has moved on, or when neither came in time (the caller's own check then
 * says what went wrong).
 */
export async function secondsToWait(page: Page): Promise<number | undefined> {
	const wait = page.getByText(/Quá nhiều lần đăng nhập từ máy này\. Xin đợi \d+ giây/);
	const limited = await Promise.race([
		page
			.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'), { timeout: SETTLE_MS })
			.then(
				() => false,
				() => false
			),
		wait.waitFor({ timeout: SETTLE_MS }).then(
			() => true,
			() => false
		)
	]);
	if (!limited) return undefined;
	return Number(/Xin đợi (\d+) giây/.exec((await wait.textContent()) ?? '')?.[1] ?? 1);
}

/** A POST that must create (201), e.g. a khu phố or household for a test's own server: its id. */
export async function createdId(
	client: APIRequestContext,
	path: string,
	data: object
): Promise<number> {
	const response = await client.post(path, { data });
	if (response.status() !== 201) {
		throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
	}
	return ((await response.json()) as { id: number }).id;
}
