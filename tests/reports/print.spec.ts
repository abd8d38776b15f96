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

test('the ward’s door-to-door list says "Trang n/N" on every printed page', async ({ page }) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	const pages = await printed(page);
	expect(pages.length).toBeGreaterThan(1);
	// Whose list: the ward's name heads it (the pages are carried from door to door).
	expect(firstLine(pages[0])).toBe('Phường Hà Tu');
	for (const [i, text] of pages.entries()) {
		expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
	}
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
	const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.length).toBeGreaterThan(1);
	for (const heading of headings) expect(heading).toMatch(/^Khu phố .+ — \d+ hộ$/);
	const pages = await printed(page);
	for (const [i, heading] of headings.entries()) {
		const at = pages.findIndex((text) => text.includes(heading));
		expect(at, heading).toBeGreaterThanOrEqual(0);
		// The first follows the list's title; every other opens its own sheet.
		if (i > 0) expect(firstLine(pages[at])).toBe(heading);
	}
	expect(pages.join('\n').match(/Người đi thăm:/g)).toHaveLength(headings.length);
});
