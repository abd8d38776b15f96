import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { BASE_URL } from '../../playwright.config';
import { apiAs, newResident, nonce } from '../checkin/support';
import { DEMO, openHydrated, signIn } from '../support/pages';

const formatDay = (day: string) => day.split('-').reverse().join('/');

/** The most recent day (going back from today) on which someone came to a class in Khu phố 1. */
async function busyDay(page: Page): Promise<{ date: string; attendees: number }> {
	for (let back = 0; back < 20; back++) {
		const day = new Date(Date.now() + 7 * 3600_000 - back * 86_400_000).toISOString().slice(0, 10);
		const body = await (await page.request.get(`/api/reports/daily?date=${day}`)).json();
		// A class opened by another test and left empty does not count.
		if (body.sessions > 0 && body.attendees > 0) return { date: day, attendees: body.attendees };
	}
	throw new Error('no class in Khu phố 1 for 20 days');
}

test('a head sees only their khu phố, changes the day, prints and downloads', async ({
	page
}, info) => {
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Khu phố 1 — ngày');
	// No khu phố picker for a head, and another khu phố is refused (page and API).
	await expect(page.locator('select[name=neighborhood]')).toHaveCount(0);
	expect((await page.request.get('/bao-cao?neighborhood=2')).status()).toBe(403);
	const other = await page.request.get('/api/reports/coverage?neighborhood=2');
	expect(other.status()).toBe(403);
	expect(await other.json()).toMatchObject({ status: 'error', reason: 'forbidden' });

	// Change the day with the date picker: the URL holds the filter, the tiles match the JSON.
	const { date, attendees } = await busyDay(page);
	await page.getByRole('textbox', { name: 'Ngày', exact: true }).fill(date);
	// Whatever format the browser's picker shows, the day is written out the Vietnamese way.
	await expect(page.getByTestId('day-said-date')).toHaveText(
		new RegExp(`^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ${formatDay(date)}$`)
	);
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(new RegExp(`date=${date}`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(formatDay(date));
	await expect(page.getByTestId('count-attendees')).toContainText(String(attendees));
	const coverage = await (await page.request.get(`/api/reports/coverage?date=${date}`)).json();
	await expect(page.getByTestId('adults-skilled')).toHaveText(String(coverage.adults.skilled));
	await expect(page.getByTestId('households-covered')).toHaveText(
		String(coverage.households.covered)
	);
	const gap = coverage.targets.find((t: { metric: string }) => t.metric === 'households_covered');
	await expect(page.getByTestId(`gap-${gap.id}`)).toHaveText(`Còn ${gap.gap} hộ`);
	// Everyone listed as attending lives in Khu phố 1.
	const addresses = await page
		.getByRole('region', { name: 'Bảng người đã đến' })
		.locator('tbody tr td:nth-child(3)')
		.allInnerTexts();
	expect(addresses.length).toBeGreaterThan(0);
	for (const address of addresses) expect(address).toMatch(/Khu phố 1$/);
	await page.screenshot({ path: info.outputPath('dashboard-head.png'), fullPage: true });

	// The daily report: formal layout, printed to PDF by Chromium.
	await page.getByRole('link', { name: 'Báo cáo ngày (in A4)' }).click();
	await expect(page.getByText('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeVisible();
	await expect(page.getByText('Độc lập - Tự do - Hạnh phúc')).toBeVisible();
	const [y, m, d] = date.split('-').map(Number);
	// Nghị định 30/2020: a day below 10 and the months 1 and 2 take a leading 0.
	const dd = String(d).padStart(2, '0');
	const mm = m <= 2 ? String(m).padStart(2, '0') : String(m);
	await expect(page.getByText(`Hà Tu, ngày ${dd} tháng ${mm} năm ${y}`)).toBeVisible();
	const row = page.locator('table.report tr', { hasText: 'Số người dự học' });
	await expect(row.locator('td.value')).toHaveText(String(attendees));
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'In báo cáo (A4)' })).toBeHidden();
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	await info.attach('bao-cao-ngay.pdf', { body: pdf, contentType: 'application/pdf' });
	const { writeFileSync } = await import('node:fs');
	writeFileSync(info.outputPath('bao-cao-ngay.pdf'), pdf);
	await page.emulateMedia({ media: 'screen' });

	// CSV and XLSX downloads carry the same figure.
	const csvDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Tải CSV' }).click();
	const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv).toContain(`I. Hoạt động trong ngày,Số người dự học,${attendees}\r\n`);
	const xlsxDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Tải Excel (XLSX)' }).click();
	const download = await xlsxDownload;
	expect(download.suggestedFilename()).toBe(`bao-cao-ngay-${date}-khu-pho-1.xlsx`);
	const sheet = unzipEntry(readFileSync((await download.path())!), 'xl/worksheets/sheet1.xml');
	expect(sheet).toContain(`<c r="C7"><v>${attendees}</v></c>`);
	expect(sheet).toContain('Số người dự học');
});

test('the officer compares khu phố side by side and sorts the door-to-door list', async ({
	page
}, info) => {
	await signIn(page, 'quantri', DEMO.password, '/bao-cao');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Toàn phường');
	const compare = page
		.getByRole('region', { name: 'Bảng so sánh các khu phố' })
		.locator('tbody tr');
	// The demo ward's eight (a test beside this one may add a khu phố meanwhile).
	for (let n = 1; n <= 8; n++) {
		const name = page.getByRole('link', { name: `Khu phố ${n}`, exact: true });
		await expect(compare.filter({ has: name })).toHaveCount(1);
	}
	const ward = await (await page.request.get('/api/reports/coverage')).json();
	const sum = ward.byNeighborhood.reduce(
		(a: number, n: { adults: { total: number } }) => a + n.adults.total,
		0
	);
	expect(sum).toBe(ward.adults.total);
	await page.screenshot({ path: info.outputPath('dashboard-officer.png'), fullPage: true });

	await page.locator('select[name=neighborhood]').selectOption({ label: 'Khu phố 2' });
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(/neighborhood=2/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Khu phố 2');

	const table = page.getByRole('region', { name: 'Bảng hộ chưa được tiếp cận' });
	await table.getByRole('link', { name: 'Chủ hộ' }).click();
	await expect(page).toHaveURL(/sort=head/);
	const heads = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
	expect(heads.length).toBeGreaterThan(0);
	// Sorted without regard to diacritics ("Đỗ" among the D's), as people look names up.
	const fold = (t: string) =>
		t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
	const folded = heads.map(fold);
	expect(folded).toEqual([...folded].sort());
	await page.getByRole('link', { name: 'In danh sách đi thăm từng nhà' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Khu phố 2');
	await expect(page.locator('tbody tr')).toHaveCount(heads.length);
});

test('a volunteer records a milestone with its evidence and undoes it the same day', async ({
	page
}, info) => {
	await signIn(page, 'tinhnguyen1', DEMO.pin, '/cu-dan/1/ky-nang');
	await openHydrated(page, '/cu-dan/1/ky-nang');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kỹ năng số của');
	const history = page.locator('#history-title ~ .table-scroll tbody tr');
	const before = await history.count();
	await page.getByRole('radio', { name: /M10/ }).check();
	await page.getByRole('radio', { name: 'Đã làm thật', exact: true }).check();
	await page.getByRole('button', { name: 'Ghi mốc kỹ năng' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã ghi mốc M10.');
	await expect(history).toHaveCount(before + 1);
	await expect(history.first()).toContainText('Đã làm thật');
	await expect(history.first()).toContainText('Tình nguyện viên 1');
	// The form is ready for the next milestone: today's date is still filled in.
	await expect(page.locator('input[name=date]')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
	await expect(page.getByTestId('day-said-date')).toContainText(/, \d\d\/\d\d\/\d{4}$/);
	await page.screenshot({ path: info.outputPath('milestones.png'), fullPage: true });
	await page.getByRole('button', { name: 'Huỷ mốc M10 vừa ghi' }).click();
	// Asked first; "Không, để nguyên" keeps it, the named button undoes it.
	await page.getByRole('button', { name: 'Không, để nguyên' }).click();
	await expect(history.first()).not.toContainText('Đã huỷ lúc');
	await page.getByRole('button', { name: 'Huỷ mốc M10 vừa ghi' }).click();
	await page.getByRole('button', { name: 'Huỷ mốc M10', exact: true }).click();
	await expect(history.first()).toContainText('Đã huỷ lúc');
	await expect(history).toHaveCount(before + 1); // kept in the history

	const bad = await page.request.post('/api/residents/1/milestones', {
		data: { skill: 'M99', evidence: 'real' }
	});
	expect(bad.status()).toBe(400);
	expect(await bad.json()).toMatchObject({ status: 'error', reason: 'unknown_skill' });
	const skills = await (await page.request.get('/api/skills')).json();
	expect(skills.map((s: { code: string }) => s.code)).toContain('M10');
});

/** Reads one entry of a zip (the XLSX) back through its central directory. */
function unzipEntry(zip: Buffer, name: string): string {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let p = zip.readUInt32LE(end + 16);
	for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
		const size = zip.readUInt32LE(p + 20);
		const nameLength = zip.readUInt16LE(p + 28);
		const offset = zip.readUInt32LE(p + 42);
		if (zip.subarray(p + 46, p + 46 + nameLength).toString('utf8') === name) {
			const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
			return inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
		}
		p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
	}
	throw new Error(`${name} not in zip`);
}

test('the kiosk table names every lesson as the kiosk does, never by its code', async ({
	page
}) => {
	// A lesson the report's names once left out (it showed "cham-vuot").
	const started = await page.request.post('/api/kiosk/events', {
		data: { walkthroughId: 'cham-vuot', kind: 'start' }
	});
	expect(started.status()).toBeLessThan(300);
	await signIn(page, 'quantri', DEMO.password, '/bao-cao');
	const table = page.getByRole('region', { name: 'Bảng bài học trên kiosk' });
	await expect(table.getByRole('cell', { name: 'Chạm và vuốt màn hình' })).toBeVisible();
	const lessons = await table.locator('tbody tr td:first-child').allTextContents();
	expect(lessons.filter((name) => /^[a-z0-9-]+$/.test(name.trim()))).toEqual([]);
});

test('a khu phố’s report says why its classes count more people than its own list shows', async ({
	page
}) => {
	// A Khu phố 3 resident comes to a class at Khu phố 2's cultural house today.
	const api = await apiAs(BASE_URL);
	const visitor = await newResident(api, 'Khách Thị Khu Ba', 3);
	const title = `Buổi có khách ${Date.now()}`;
	const opened = await api.post('/api/sessions', {
		data: { title, startsAt: Date.now(), place: 'Nhà văn hoá khu phố 2' }
	});
	const sessionId = (await opened.json()).id;
	const checkin = await api.post('/api/checkins', {
		data: { code: visitor.cardCode, sessionId, nonce: nonce(), source: 'scanner' }
	});
	expect(checkin.status()).toBe(201);

	await signIn(page, 'truongkhu2', DEMO.password, '/bao-cao');
	const sessions = page.getByRole('region', { name: 'Bảng buổi học trong ngày' });
	await expect(sessions.getByRole('row').filter({ hasText: title })).toContainText('1');
	const atClasses = (await sessions.locator('tbody td:last-child').allInnerTexts())
		.map(Number)
		.reduce((a, b) => a + b, 0);
	const ownPeople = await page
		.getByRole('region', { name: 'Bảng người đã đến' })
		.locator('tbody tr')
		.count();
	// The visitor is in the class's count, not in the khu phố's own list: the page says why.
	expect(atClasses).not.toBe(ownPeople);
	await expect(page.getByText(/kể cả người khu phố khác/)).toBeVisible();
});

test('a head’s door-to-door list prints on one A4 page, with no blank page after it', async ({
	page
}) => {
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao/chua-tiep-can');
	await openHydrated(page, '/bao-cao/chua-tiep-can');
	const rows = await page
		.getByRole('region', { name: 'Bảng hộ chưa được tiếp cận' })
		.locator('tbody tr')
		.count();
	// Short enough for one page (a longer list may rightly take more).
	expect(rows).toBeLessThan(20);
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages).toHaveLength(1);
});

test('the ward’s target for pupils is in the head’s reports, said to have no figures yet', async ({
	page
}) => {
	await signIn(page, 'truongkhu1', DEMO.password, '/bao-cao');
	const { targets } = await (await page.request.get('/api/reports/coverage')).json();
	const pupils = targets.find((t: { metric: string }) => t.metric === 'pupils');
	const due = formatDay(pupils.deadline);
	// The ward set four targets; the dashboard listed three and left this one out unsaid.
	await openHydrated(page, '/bao-cao');
	const coverage = page.getByRole('region', { name: /^Độ phủ kỹ năng số/ });
	const item = coverage.getByRole('listitem').filter({ hasText: pupils.label });
	await expect(item).toHaveCount(1);
	await expect(item).toContainText(
		`Chưa có số liệu trong hệ thống để tính chỉ tiêu này — hạn ${due}`
	);
	// No number made up for it: no bar, no share, no people still needed.
	await expect(item.getByRole('img')).toHaveCount(0);
	await expect(item).not.toContainText('0,0%');
	await expect(item).not.toContainText('Còn ');
	await expect(coverage.getByRole('listitem')).toHaveCount(targets.length);

	// The printed report and its files list it under "So với chỉ tiêu" as well.
	await page.getByRole('link', { name: 'Báo cáo ngày (in A4)' }).click();
	const row = page.locator('table.report tr', { hasText: pupils.label });
	await expect(row).toHaveCount(1);
	await expect(row.locator('td.value')).toHaveText('chưa có số liệu trong hệ thống');
	const csv = await (await page.request.get('/api/reports/daily.csv')).text();
	expect(csv).toContain(
		`IV. So với chỉ tiêu,${pupils.label} – hạn ${due}: còn thiếu,chưa có số liệu trong hệ thống\r\n`
	);
});
