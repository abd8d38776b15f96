import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { ServerProcess } from '../support/server-process';
import { apiClientSignedIn, createdId } from '../support/sign-in';

/**
 * A resident who attended a past day moves to another khu phố's household: that day's report
 * keeps them at the address they lived at then. A server of its own: the move and the new
 * khu phố would change counts other report tests read.
 */
// E2E_MOVE_PORT: another port, when two checkouts run this file at once.
const server = new ServerProcess(Number(process.env.E2E_MOVE_PORT ?? 4372));
let officer: APIRequestContext;
const NEW_HOME = { address: 'Số 1 ngõ Nhà Mới', headName: 'Phan Văn Mới' };
let kp9 = 0;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await server.start();
	officer = await apiClientSignedIn(server.url, 'quantri', DEMO.password);
	kp9 = await createdId(officer, '/api/neighborhoods', { name: 'Khu phố 9' });
	await createdId(officer, '/api/households', { neighborhoodId: kp9, ...NEW_HOME });
});
test.afterAll(async () => {
	await officer?.dispose();
	await server.stop();
});

/** The latest day before today with check-ins in the demo ward, and its ward counts. */
async function pastDayWithCheckins() {
	for (let back = 1; back <= 14; back++) {
		const day = new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
		const r = await officer.get(`/api/reports/daily?date=${day}`);
		expect(r.status()).toBe(200);
		const { checkins, attendees, households, helped } = await r.json();
		if (checkins > 0) return { day, counts: { checkins, attendees, households, helped } };
	}
	throw new Error('the demo ward has no check-in in the last two weeks');
}

test('a past day’s "Ai đã đến" keeps a mover’s old address, and its counts stay', async ({
	browser
}) => {
	const { day, counts } = await pastDayWithCheckins();
	const page = await (await browser.newContext({ baseURL: server.url })).newPage();
	await signIn(page, 'quantri', DEMO.password, `/bao-cao?date=${day}`);
	await openHydrated(page, `/bao-cao?date=${day}`);
	const attended = page.getByRole('region', { name: /^Ai đã đến/ }).locator('tbody tr');
	const first = attended.first();
	const name = (await first.getByRole('link').innerText()).trim();
	const oldAddress = (await first.locator('td[data-label="Địa chỉ"]').innerText()).trim();
	expect(oldAddress).not.toBe('');
	const href = (await first.getByRole('link').getAttribute('href'))!;
	const person = href.replace(/\/ky-nang$/, '');

	// The move, as a volunteer or the officer does it: from the person's page.
	await openHydrated(page, person);
	await page.getByRole('link', { name: 'Chuyển sang hộ khác' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Chuyển ${name} sang hộ khác`);
	// Another khu phố, chosen from a list; the household found by words typed as on a phone:
	// no commas, no diacritics, in another order.
	await page.getByRole('combobox', { name: 'Khu phố' }).selectOption({ label: 'Khu phố 9' });
	await page.getByLabel(/^Tìm hộ theo/).fill('moi so 1 nha');
	await page.getByRole('button', { name: 'Tìm hộ' }).click();
	await expect(page.getByRole('combobox', { name: 'Khu phố' })).toHaveValue(String(kp9));
	await expect(page.locator('ul.households > li')).toHaveCount(1);
	await page.locator('html[data-hydrated]').waitFor();
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	await page
		.getByRole('button', { name: `Chuyển vào hộ ${NEW_HOME.headName}, ${NEW_HOME.address}` })
		.click();
	await expect(page.getByRole('alert')).toHaveText(
		`Chuyển ${name} sang hộ ${NEW_HOME.headName}, ${NEW_HOME.address}?`
	);
	await page.getByRole('button', { name: 'Chuyển sang hộ này' }).click();
	await expect(page.getByRole('status')).toContainText('Đã chuyển sang hộ mới.');
	await expect(page.getByText(`${NEW_HOME.address}, Khu phố 9`)).toBeVisible();

	// The past day: the same rows, the address of then, the same counts.
	await openHydrated(page, `/bao-cao?date=${day}`);
	const theirs = attended.filter({ has: page.getByRole('link', { name, exact: true }) });
	await expect(theirs.first()).toBeVisible();
	for (const cell of await theirs.locator('td[data-label="Địa chỉ"]').all()) {
		await expect(cell).toHaveText(oldAddress);
	}
	const after = await (await officer.get(`/api/reports/daily?date=${day}`)).json();
	expect(after).toMatchObject(counts);
	// Khu phố 9 did not gain the day's check-in: it keeps the khu phố it was made in.
	const kp9Day = await officer.get(`/api/reports/daily?date=${day}&neighborhood=${kp9}`);
	expect(await kp9Day.json()).toMatchObject({ checkins: 0, attendees: 0, households: 0 });
});
