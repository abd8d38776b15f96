import {
	chromium,
	expect,
	request,
	test,
	type APIRequestContext,
	type Browser,
	type Page
} from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER, CHROMIUM_ARGS } from '../../playwright.config';
import { openHydrated } from '../support/pages';
import { apiSignIn } from '../support/sign-in';
import QRCode from 'qrcode';

/**
 * A one-frame .y4m clip (640×480, 4:2:0) showing `text` as a QR code, for Chromium's
 * `--use-file-for-fake-video-capture` (it loops the frame). See STACK.md, "Fake camera".
 */
export function writeQrVideo(path: string, text: string): void {
	const W = 640;
	const H = 480;
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
	const quiet = 4;
	const scale = Math.floor(400 / (qr.size + 2 * quiet));
	const side = (qr.size + 2 * quiet) * scale;
	const left = Math.floor((W - side) / 2);
	const top = Math.floor((H - side) / 2);
	const luma = Buffer.alloc(W * H, 235);
	for (let y = 0; y < qr.size; y++) {
		for (let x = 0; x < qr.size; x++) {
			if (!qr.get(y, x)) continue;
			for (let dy = 0; dy < scale; dy++) {
				const row = (top + (y + quiet) * scale + dy) * W;
				luma.fill(16, row + left + (x + quiet) * scale, row + left + (x + quiet + 1) * scale);
			}
		}
	}
	const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
	writeFileSync(
		path,
		Buffer.concat([
			Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\nFRAME\n`),
			luma,
			chroma
		])
	);
}

/** An API client signed in as `username` (volunteers use the PIN). */
export async function apiAs(baseURL: string, username = 'tinhnguyen2', secret = '246810') {
	const api = await request.newContext({ baseURL });
	const login = await apiSignIn(api, username, secret);
	expect(login.status()).toBe(200);
	return api;
}

let serial = 0;

/** A fresh household with one resident (so tests never share a person): its id and card. */
export async function newResident(
	api: APIRequestContext,
	fullName: string,
	hood = 3,
	address = `Số ${++serial}, ngõ thử ${Date.now()}`
) {
	const household = await api.post('/api/households', {
		data: {
			neighborhoodId: hood,
			address,
			headName: fullName
		}
	});
	expect(household.status()).toBe(201);
	const resident = await api.post('/api/residents', {
		data: {
			householdId: (await household.json()).id,
			fullName,
			birthYear: 1950,
			consent: { method: 'paper', takenBy: 'Tình nguyện viên 2', at: Date.now() - 60_000 }
		}
	});
	expect(resident.status()).toBe(201);
	return (await resident.json()) as {
		id: number;
		cardCode: string;
		fullName: string;
		householdId: number;
	};
}

export async function newSession(api: APIRequestContext, title = 'Buổi thử điểm danh') {
	const response = await api.post('/api/sessions', {
		data: { title, startsAt: Date.now(), place: 'Nhà văn hoá khu phố 3', topic: 'thanh-toan' }
	});
	expect(response.status()).toBe(201);
	return (await response.json()).id as number;
}

export const nonce = () => `t-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * A browser whose fake camera shows `text` as a QR code. The capture file is a launch flag,
 * so each such test has a browser of its own; close it when done.
 */
export function launchWithCardInCamera(text: string): Promise<Browser> {
	const video = join(mkdtempSync(join(tmpdir(), 'ths-cam-')), 'card.y4m');
	writeQrVideo(video, text);
	return launchWithTestCamera([`--use-file-for-fake-video-capture=${video}`]);
}

/** A browser with a camera that works: Chromium's own test picture (no card), unless `args` say. */
export function launchWithTestCamera(args: string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: BROWSER,
		args: [
			...CHROMIUM_ARGS,
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			...args
		]
	});
}

/** A volunteer's phone (412×915, touch, camera allowed, Vietnam time) in `browser`. */
export async function volunteerPhone(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 412, height: 915 },
		isMobile: true,
		hasTouch: true,
		permissions: ['camera'],
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh'
	});
	return context.newPage();
}

/**
 * Signs in through the sign-in form of a test's own server at `url` (a fresh one: no sign-in
 * allowance to wait out). Typed only once the form is hydrated: before that, hydration may
 * clear what was typed.
 */
export async function signInAt(page: Page, url: string, username = 'tinhnguyen2'): Promise<void> {
	await openHydrated(page, `${url}/dang-nhap`);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/dang-nhap/);
}

/**
 * Waits until the phone keeps a copy of the page it shows (the service worker's, for a
 * reload with the server gone). Made once the page has settled; up to 20 s, as on a loaded
 * machine the worker's install took longer than the default 5.
 */
export async function pageKeptForOffline(page: Page): Promise<void> {
	await expect
		.poll(() => page.evaluate(async () => (await caches.match(location.pathname))?.status), {
			timeout: 20_000
		})
		.toBe(200);
}

/**
 * How a spec opens classes on the shared server: each is closed after the test that opened
 * it, as other specs look for theirs on the volunteers' page. Called once at a spec's top
 * level (it registers the afterEach there); the function it returns opens a class.
 */
export function classesClosedAfterEach(): (
	api: APIRequestContext,
	title?: string
) => Promise<number> {
	const opened: Array<() => Promise<unknown>> = [];
	test.afterEach(async () => {
		for (const close of opened.splice(0)) await close().catch(() => undefined);
	});
	return async (api, title) => {
		const id = await newSession(api, title);
		opened.push(() => api.post(`/api/sessions/${id}/close`));
		return id;
	};
}

/** A kiosk's call for help as GET /api/help gives it, from a place the test chooses. */
export const helpCall = (id: number, place: string) => ({
	id,
	kiosk: 'tram-9',
	place,
	at: Date.now()
});

/**
 * The calls for help `page` reads are the test's, `calls()` at each read: the kiosk tests call
 * and answer the real ones at the same time. Without the live channel (as behind a proxy that
 * refuses its stream) the page reads them on its own look every 10 s, or when back online,
 * exactly as before the channel existed.
 */
export async function helpCallsChosenByTest(
	page: Page,
	calls: () => ReturnType<typeof helpCall>[]
): Promise<void> {
	await page.route('**/api/help', (route) => route.fulfill({ json: { help: calls() } }));
	await page.route('**/api/live**', (route) => route.abort());
}
