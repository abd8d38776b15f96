import { expect, test, type Page, type Response } from '@playwright/test';
import { apiSignIn } from '../support/sign-in';
import { Kiosk } from './kiosk-page';

/** A resident on a topic page taps "Gọi tình nguyện viên": the kiosk and the server's answer. */
async function callFromKiosk(page: Page): Promise<{ k: Kiosk; response: Response }> {
	const k = new Kiosk(page);
	await k.open('/chu-de/y-te');
	const sent = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/help'));
	await k.tap(k.button('Gọi tình nguyện viên'));
	return { k, response: await sent };
}

test('"Gọi tình nguyện viên" stores a request, tells the learner someone is coming, and volunteers see where', async ({
	page
}) => {
	const { k, response } = await callFromKiosk(page);
	expect([200, 201]).toContain(response.status());
	const body = await response.json();
	expect(body).toMatchObject({ status: 'ok', place: 'Nhà văn hoá khu phố 1' });
	expect(typeof body.id).toBe('number');
	await expect(page.getByRole('status')).toContainText('Tình nguyện viên sẽ đến giúp bác ngay');
	await k.expectSaid('Bác chờ một chút nhé. Tình nguyện viên sẽ đến giúp bác ngay.');

	// "Đóng" only hides the notice: the call stays on its way. Tapping the button again shows
	// the call already made (its time) and says it again; no second call is sent.
	const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
	const shown = await notice.textContent();
	let posts = 0;
	page.on('request', (r) => {
		if (r.url().endsWith('/api/kiosk/help')) posts++;
	});
	await k.tap(notice.getByRole('button', { name: 'Đóng' }));
	await expect(notice).toHaveCount(0);
	const before = (await k.narrations()).length;
	await k.tap(k.button('Gọi tình nguyện viên'));
	await expect(notice).toHaveText(shown!);
	await expect
		.poll(async () => (await k.narrations()).slice(before))
		.toContain('Bác chờ một chút nhé. Tình nguyện viên sẽ đến giúp bác ngay.');
	expect(posts).toBe(0);

	// The server too takes a second request while one is open as the same one.
	const again = await page.request.post('/api/kiosk/help');
	expect(await again.json()).toMatchObject({ id: body.id, repeated: true });

	// A volunteer reads where to go in words: the kiosk's place, not its id "tram-1".
	// Signed in through the API (the page shares its cookies): the form's page costs seconds.
	expect((await apiSignIn(page.request, 'tinhnguyen1', '246810')).ok()).toBe(true);
	await page.goto('/tinh-nguyen');
	const calls = page.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' });
	await expect(calls.getByRole('listitem').first()).toContainText('Nhà văn hoá khu phố 1 lúc');
	await expect(calls).not.toContainText('tram-1');

	// Taking the call says whose it was. (Whether the list is empty then depends on the other
	// kiosk tests running beside this one: they call from the same kiosk.)
	await page.locator('html[data-hydrated]').waitFor();
	await calls.getByRole('button', { name: 'Tôi đến ngay' }).first().click();
	await expect(page.getByTestId('help-answered')).toHaveText(
		'Bạn đã nhận lời gọi của Nhà văn hoá khu phố 1. Xin đến trạm ngay; các tình nguyện viên khác không còn thấy lời gọi này.'
	);
});

test('when a volunteer takes the call, the kiosk says someone is really on the way', async ({
	page
}) => {
	const { k, response } = await callFromKiosk(page);
	const call = await response.json();
	const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
	await expect(notice).toContainText('Tình nguyện viên sẽ đến giúp bác ngay');
	// The notice closed meanwhile: the news opens it again.
	await k.tap(notice.getByRole('button', { name: 'Đóng' }));

	// A volunteer taps "Tôi đến ngay" on their phone (the same form post, through the API).
	expect((await apiSignIn(page.request, 'tinhnguyen2', '246810')).ok()).toBe(true);
	const origin = new URL(page.url()).origin;
	const taken = await page.request.post('/tinh-nguyen?/answer', {
		form: { id: String(call.id) },
		headers: { origin }
	});
	expect(taken.ok()).toBe(true);

	// The kiosk asks every 10 s while a call is on its way.
	await expect(notice).toContainText(/Tình nguyện viên đã nhận lời lúc \d{2}:\d{2} và đang tới/, {
		timeout: 15_000
	});
	await k.expectSaid('Tình nguyện viên đã nhận lời và đang tới. Bác chờ một chút nhé.');
});

test('the lesson API lists every walkthrough with its counts and a working url', async ({
	request
}) => {
	const res = await request.get('/api/walkthroughs');
	expect(res.status()).toBe(200);
	const list: Array<Record<string, unknown>> = await res.json();
	expect(list.length).toBeGreaterThanOrEqual(12);
	const ids = list.map((l) => l.id);
	for (const id of [
		'vneid-kich-hoat',
		'chuyen-khoan-vietqr',
		'tien-dien',
		'vssid',
		'mua-sam-an-toan',
		'nhan-dien-lua-dao',
		'dvc-khai-sinh'
	]) {
		expect(ids).toContain(id);
	}
	for (const l of list) {
		expect(Object.keys(l).sort()).toEqual(
			['id', 'practiceSteps', 'steps', 'title', 'topic', 'url'].sort()
		);
		expect(typeof l.steps).toBe('number');
		expect(typeof l.practiceSteps).toBe('number');
	}
	expect(list.filter((l) => (l.practiceSteps as number) > 0).length).toBeGreaterThanOrEqual(8);
	const page = await request.get(String(list[0].url));
	expect(page.status()).toBe(200);
});

test('bad lesson events get a Vietnamese 4xx, never a 500', async ({ request }) => {
	const post = (data: unknown) =>
		request.post('/api/kiosk/events', {
			data: typeof data === 'string' ? data : JSON.stringify(data),
			headers: { 'content-type': 'application/json' }
		});
	const cases: Array<[unknown, string]> = [
		['not json', 'malformed'],
		[{ walkthroughId: 'khong-co', kind: 'start' }, 'unknown_walkthrough'],
		[{ walkthroughId: 'vssid', kind: 'xoa' }, 'bad_kind'],
		[{ walkthroughId: 'vssid', kind: 'leave', step: 99 }, 'bad_step'],
		[{ walkthroughId: 'vssid', kind: 'leave' }, 'bad_step']
	];
	for (const [data, reason] of cases) {
		const res = await post(data);
		expect(res.status(), JSON.stringify(data)).toBe(400);
		expect(await res.json()).toMatchObject({ status: 'error', reason });
	}
	expect((await post({ walkthroughId: 'vssid', kind: 'leave', step: 3 })).status()).toBe(201);
});
