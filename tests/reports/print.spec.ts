import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, openHydrated, signIn } from '../support/pages';

/** The text of each printed page (poppler's pdftotext: tests/ensure-tools.js installs it). */
function pdfPages(pdf: Buffer): string[] {
	const file = join(mkdtempSync(join(tmpdir(), 'ths-print-')), 'report.pdf');
	writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
		.split('\f')
		.filter((p) => p.trim() !== '');
}

async function printed(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	await page.emulateMedia({ media: null });
	return pdfPages(pdf);
}

const firstLine = (text: string) =>
	text
		.split('\n')
		.find((l) => l.trim() !== '')!
		.trim();

test('the printed daily report numbers its pages from the second, at the top (Nghị định 30)', async ({
	page
}) => {
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao/ngay');
	await openHydrated(page, '/bao-cao/ngay');
	const pages = await printed(page);
	expect(pages.length).toBeGreaterThanOrEqual(2);
	// The first page opens with the ward's heading, no number above it.
	expect(firstLine(pages[0])).toMatch(/^UBND PHƯỜNG HÀ TU\s+CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
	for (const [i, text] of pages.entries()) {
		if (i > 0) expect(firstLine(text)).toBe(String(i + 1));
	}
	// The signature is on the last page, under its number.
	expect(pages.at(-1)).toContain('TRƯỞNG KHU PHỐ');
});

test('the ward’s door-to-door list as one list says "Trang n/N" on every printed page', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can?sort=address');
	await openHydrated(page, '/bao-cao/chua-tiep-can?sort=address');
	const pages = await printed(page);
	expect(pages.length).toBeGreaterThan(1);
	// Whose list: the ward's name heads it (the pages are carried from door to door).
	expect(firstLine(pages[0])).toBe('Phường Hà Tu');
	for (const [i, text] of pages.entries()) {
		expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
	}
});

test('split by khu phố, each khu phố’s sheets are numbered from 1 under its name, and say their place in the whole print', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	const names = (
		await page.locator('section.group').getByRole('heading', { level: 2 }).allTextContents()
	).map((heading) => heading.replace(/ — \d+ hộ$/, ''));
	// Rows a third of a sheet tall: a khu phố with three households or more to visit runs over
	// to another sheet (how many are left depends on what the other tests checked in).
	await page.addStyleTag({ content: '.group tbody tr { height: 90mm; }' });
	const pages = await printed(page);
	// The footers in print order: whose sheet, its number among that khu phố's, its place.
	const footers = pages.map((text, i) => {
		const found = text.match(/(\S.*?) · Trang (\d+) · tờ (\d+)\/(\d+)/);
		expect(found, `page ${i + 1}`).not.toBeNull();
		return {
			name: found![1],
			sheet: Number(found![2]),
			at: Number(found![3]),
			of: Number(found![4])
		};
	});
	expect(footers.map((f) => f.at)).toEqual(pages.map((_, i) => i + 1));
	expect(footers.every((f) => f.of === pages.length)).toBe(true);
	// Every khu phố in the page's order, each counted 1, 2, … on its own sheets.
	expect([...new Set(footers.map((f) => f.name))]).toEqual(names);
	for (const name of names) {
		const sheets = footers.filter((f) => f.name === name).map((f) => f.sheet);
		expect(sheets, name).toEqual(sheets.map((_, i) => i + 1));
	}
	// Some run over a sheet: their counts go on, and the next khu phố's starts again at 1.
	expect(footers.filter((f) => f.sheet > 1).length).toBeGreaterThan(1);
});

test('each report prints with its own page numbers after the other was opened in the same tab', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/ngay');
	await openHydrated(page, '/bao-cao/ngay');
	// Links, not addresses: the app moves between its pages without loading them anew.
	await page.getByRole('link', { name: '← Về trang tổng hợp' }).click();
	await page.getByRole('link', { name: 'In danh sách đi thăm từng nhà' }).click();
	await expect(page).toHaveURL(/\/bao-cao\/chua-tiep-can/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('chưa được tiếp cận');
	const list = await printed(page);
	expect(list.length).toBeGreaterThan(1);
	for (const text of list) {
		// The daily report's number at the top of the sheet, "2", stayed with it.
		expect(firstLine(text)).not.toMatch(/^\d+$/);
		expect(text).toMatch(/ · Trang \d+ · tờ \d+\/\d+/);
	}
	await page.getByRole('link', { name: '← Về trang tổng hợp' }).click();
	await page.getByRole('link', { name: 'Báo cáo ngày (in A4)' }).click();
	await expect(page).toHaveURL(/\/bao-cao\/ngay/);
	const report = await printed(page);
	expect(firstLine(report[1])).toBe('2');
	// The list's "Trang n/N" footer stayed with it.
	expect(report.join('\n')).not.toMatch(/Trang \d+\//);
});

test('the printed dashboard names the ward above its khu phố and day', async ({ page }) => {
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao');
	await openHydrated(page, '/bao-cao');
	const [first] = await printed(page);
	const lines = first
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	expect(lines[0]).toBe('Phường Hà Tu');
	expect(lines[1]).toMatch(/^Khu phố 1 — ngày \d\d\/\d\d\/\d{4}$/);
});

test('the ward’s door-to-door list goes out by khu phố: each starts a new sheet, with its heading and its own signature line', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	const headings = await page
		.locator('section.group')
		.getByRole('heading', { level: 2 })
		.allTextContents();
	expect(headings.length).toBeGreaterThan(1);
	for (const heading of headings) expect(heading).toMatch(/^Khu phố .+ — \d+ hộ$/);
	const cutOff = (await page.getByText(/^Tính đến hết ngày/).textContent())!.match(
		/\d\d\/\d\d\/\d{4}/
	)![0];
	const pages = await printed(page);
	for (const [i, heading] of headings.entries()) {
		const at = pages.findIndex((text) => text.includes(heading));
		expect(at, heading).toBeGreaterThanOrEqual(0);
		// The first follows the list's title; every other opens its own sheet, which says again
		// whose list it is and up to which day: a khu phố's sheets are handed out on their own.
		if (i > 0) {
			const lines = pages[at]
				.split('\n')
				.map((l) => l.trim())
				.filter(Boolean);
			expect(lines[0]).toBe(
				`Phường Hà Tu · Danh sách hộ chưa được tiếp cận · tính đến hết ngày ${cutOff}`
			);
			expect(lines[1]).toBe(heading);
		}
	}
	expect(pages.join('\n').match(/Người đi thăm:/g)).toHaveLength(headings.length);
	// On screen the title above says it once.
	await expect(page.getByText(/· tính đến hết ngày/).first()).toBeHidden();
});

test('a signature line of the door-to-door list is never printed on a page without a household', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	// A household's row in pdftotext's layout: its number, then its address or its head.
	const row = /^\s*\d+\s{2,}\S/m;
	// Whichever the households of the day, some khu phố's table ends at the foot of a sheet at one
	// of these shifts (steps smaller than the signature's height): the page is laid out each way.
	for (const shift of [0, 8, 16, 24, 32, 40, 48, 56]) {
		const style = await page.addStyleTag({
			content: `.group h2 { margin-top: ${shift}mm !important; }`
		});
		const pages = await printed(page);
		await style.evaluate((el) => (el as Element).remove());
		for (const [i, text] of pages.entries()) {
			if (!text.includes('Người đi thăm:')) continue;
			expect(text, `page ${i + 1} of ${pages.length}, shifted ${shift} mm`).toMatch(row);
		}
	}
});

test('the ward as one list links back to the list split by khu phố, and prints no sort arrow', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	await page.getByRole('link', { name: 'Xem cả phường một danh sách' }).click();
	await expect(page).toHaveURL(/sort=address/);
	await expect(page.locator('section.group')).toHaveCount(0);
	// On screen the sorted column says so; on paper the arrow means nothing.
	await expect(page.getByRole('columnheader', { name: /Địa chỉ/ })).toContainText('▲');
	const pages = await printed(page);
	expect(pages[0]).toContain('Địa chỉ');
	expect(pages.join('\n')).not.toMatch(/[▲▼]/);
	await page.getByRole('link', { name: 'Chia theo từng khu phố' }).click();
	await expect(page).toHaveURL(/sort=neighborhood/);
	expect(await page.locator('section.group').count()).toBeGreaterThan(1);
});

test('the printed dashboard keeps each heading with what follows it and prints no link to click', async ({
	page
}) => {
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao');
	await openHydrated(page, '/bao-cao');
	// Wherever the day's numbers put the chart, its heading goes with it: the section is pushed
	// down in steps (smaller than the chart) so that it meets the foot of a sheet one way or another.
	for (const shift of [0, 30, 60, 90, 120, 150, 180, 210]) {
		const style = await page.addStyleTag({
			content: `#trend-h { margin-top: ${shift}mm !important; }`
		});
		const pages = await printed(page);
		await style.evaluate((el) => (el as Element).remove());
		const at = pages.findIndex((text) => text.includes('Xu hướng theo tuần'));
		// The chart's right-hand scale ("100%") is on the same sheet as its heading.
		expect(pages[at], `shifted ${shift} mm`).toMatch(/Xu hướng theo tuần[^]*100%/);
		// Paper is not clicked: the screen's way to the door-to-door list is not printed.
		expect(pages.join('\n')).not.toContain('In danh sách đi thăm từng nhà');
	}
});
