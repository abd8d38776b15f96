import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { ServerProcess } from '../support/server-process';
import { apiClientSignedIn, createdId } from '../support/sign-in';

/**
 * The ward's door-to-door list names the khu phố it has no household for: one done, one new
 * with nobody registered. A server of its own: other tests count the demo ward's eight khu phố.
 */
// E2E_DOOR_PORT: another port, when two checkouts run this file at once.
const server = new ServerProcess(Number(process.env.E2E_DOOR_PORT ?? 4371));
let officer: APIRequestContext;
const ids = { done: 0, empty: 0 };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await server.start();
	officer = await apiClientSignedIn(server.url, 'quantri', DEMO.password);
	// "Khu phố 9": its one household reached today (a milestone). "Khu phố 10": nobody yet.
	const kp9 = await createdId(officer, '/api/neighborhoods', { name: 'Khu phố 9' });
	const kp10 = await createdId(officer, '/api/neighborhoods', { name: 'Khu phố 10' });
	Object.assign(ids, { done: kp9, empty: kp10 });
	const home = await createdId(officer, '/api/households', {
		neighborhoodId: kp9,
		address: 'Số 1 đường Mới',
		headName: 'Hà Văn Xong'
	});
	const person = await createdId(officer, '/api/residents', {
		householdId: home,
		fullName: 'Hà Văn Xong',
		birthYear: 1970,
		consent: { method: 'paper', takenBy: 'Cán bộ phường' }
	});
	await createdId(officer, `/api/residents/${person}/milestones`, {
		skill: 'M0',
		evidence: 'witnessed'
	});
});
test.afterAll(async () => {
	await officer?.dispose();
	await server.stop();
});

const DONE = [
	'Khu phố 9: không còn hộ nào cần đến (cả 1 hộ đã được tiếp cận).',
	'Khu phố 10: chưa có hộ nào được đăng ký.'
];

async function printedPages(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	await page.emulateMedia({ media: null });
	const file = join(mkdtempSync(join(tmpdir(), 'ths-door-')), 'list.pdf');
	writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
		.split('\f')
		.filter((p) => p.trim() !== '');
}

test('a khu phố with no household left is listed as such, on screen and on the first printed sheet', async ({
	browser
}) => {
	const page = await (await browser.newContext({ baseURL: server.url })).newPage();
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	// What the screen shows (the line for paper is in the page too, hidden).
	await expect(page.getByText(/^Tính đến hết ngày/)).toContainText(
		'kỹ năng số. Bản in có cột “Đã đến thăm” để đánh dấu bằng bút khi đã đến thăm.',
		{ useInnerText: true }
	);
	const done = page.getByRole('region', { name: 'Khu phố không còn hộ nào cần đến' });
	await expect(done.getByRole('listitem')).toHaveText(DONE);
	// Neither has a sheet (nor a signature line) of its own: the eight demo khu phố do.
	const sheets = page.locator('section.group');
	await expect(sheets).toHaveCount(8);
	await expect(sheets.getByRole('heading', { name: /^Khu phố (9|10) —/ })).toHaveCount(0);

	const pages = await printedPages(page);
	const flat = (text: string) => text.replace(/\s+/g, ' ');
	for (const line of DONE) expect(flat(pages[0])).toContain(line);
	expect(pages.join('\n').match(/Người đi thăm:/g)).toHaveLength(8);

	// The ward as one list, in another order, says the same.
	await page.getByRole('link', { name: 'Xem cả phường một danh sách' }).click();
	await expect(page).toHaveURL(/sort=address/);
	await expect(done.getByRole('listitem')).toHaveText(DONE);
});

test('a khu phố’s dashboard with no household to visit says why, not an empty table; no check-in says so too', async ({
	browser
}) => {
	const page = await (await browser.newContext({ baseURL: server.url })).newPage();
	await signIn(page, 'quantri', DEMO.password, '/bao-cao');
	const notReached = page.getByRole('region', { name: /^Hộ chưa được tiếp cận/ });
	await openHydrated(page, `/bao-cao?neighborhood=${ids.empty}`);
	await expect(notReached).toContainText('Khu phố 10: chưa có hộ nào được đăng ký.');
	await expect(notReached.getByRole('table')).toHaveCount(0);
	await expect(page.getByRole('region', { name: /^Ai đã đến/ })).toContainText(
		'Không có lượt điểm danh nào trong ngày này.'
	);
	await openHydrated(page, `/bao-cao?neighborhood=${ids.done}`);
	await expect(notReached).toContainText(
		'Khu phố 9: không còn hộ nào cần đến (cả 1 hộ đã được tiếp cận).'
	);
	await expect(notReached.getByRole('table')).toHaveCount(0);
});

test('the “Đã đến thăm” box is on the printed sheet, not a box to tap on a head’s phone', async ({
	browser
}) => {
	const phone = await browser.newContext({
		baseURL: server.url,
		viewport: { width: 412, height: 915 },
		isMobile: true,
		hasTouch: true
	});
	const page = await phone.newPage();
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	const cards = page.getByRole('table').locator('tbody tr');
	expect(await cards.count()).toBeGreaterThan(0);
	// Each household's card ended in an empty box that looked like a checkbox; a tap did nothing.
	await expect(cards.first()).toBeVisible();
	await expect(page.locator('td[data-label="Đã đến thăm"]').first()).toBeHidden();
	await expect(
		page.locator('td[data-label="Đã đến thăm"] .box').filter({ visible: true })
	).toHaveCount(0);
	// The line above the list says where the box is, instead of asking to tick it here.
	await expect(
		page.getByText('Bản in có cột “Đã đến thăm” để đánh dấu bằng bút khi đã đến thăm.')
	).toBeVisible();
	await expect(page.getByText('Đánh dấu ô cuối khi đã đến thăm.')).toBeHidden();

	// On paper the column is there, on every sheet of the list, and the line says to tick it.
	const pages = await printedPages(page);
	const flat = (text: string) => text.replace(/\s+/g, ' ');
	expect(flat(pages[0])).toContain('Đánh dấu ô cuối khi đã đến thăm.');
	expect(flat(pages[0])).not.toContain('Bản in có cột');
	// The column's heading, on two lines in its narrow column ("Đã đến" … "thăm").
	for (const [i, text] of pages.entries()) {
		if (/Số người/.test(text)) expect(flat(text), `page ${i + 1}`).toMatch(/Đã đến (.* )?thăm/);
	}
	// A wide screen has no box to tick either: the column is the sheet's.
	await page.setViewportSize({ width: 1366, height: 900 });
	await expect(page.getByRole('columnheader', { name: 'Đã đến thăm' })).toBeHidden();
	await phone.close();
});
