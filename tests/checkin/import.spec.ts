import { expect, test, type APIRequestContext } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { encodeTcvn3 } from '../../src/lib/server/services/import-decode';
import { toVni } from '../../src/lib/server/services/vni';
import { encodeCp1258, makeXlsx } from './encode';
import { apiAs } from './support';
import { text, workbook } from '../../src/lib/server/services/import-xlsx.testing';

/** A made-up given name no other test uses, letters only (names may not hold digits). */
/** 0 → "a", 25 → "z", 26 → "ba": a name's word for a number (names hold no digits). */
const letters = (n: number): string =>
	(n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));

const word = () =>
	'Xa' +
	Array.from({ length: 6 }, () => 'bcdghklmnpqrstvx'[Math.floor(Math.random() * 16)]).join('');

function list(rows: string[][]): string {
	return (
		[
			'Họ và tên,Năm sinh,Số điện thoại,Quan hệ,Địa chỉ,Khu phố',
			...rows.map((r) => r.join(','))
		].join('\r\n') + '\r\n'
	);
}

let apiBase = '';

/** Consent as the officer's form records it: how, and who took it. */
const CONSENT = { consentMethod: 'paper', consentTakenBy: 'Cán bộ phường' };

async function upload(api: APIRequestContext, name: string, bytes: Buffer, dryRun: boolean) {
	const response = await api.post(`/api/import/residents${dryRun ? '?dryRun=1' : ''}`, {
		multipart: { file: { name, mimeType: 'text/csv', buffer: bytes }, ...CONSENT },
		// SvelteKit refuses cross-site form posts: a multipart client names the server's origin.
		headers: { origin: new URL(apiBase).origin }
	});
	return { status: response.status(), body: await response.json() };
}

async function found(api: APIRequestContext, q: string): Promise<string[]> {
	const response = await api.get(`/api/residents?q=${encodeURIComponent(q)}`);
	return ((await response.json()) as Array<{ fullName: string }>).map((r) => r.fullName);
}

test.beforeEach(() => {
	apiBase = test.info().project.use.baseURL!;
});

test('each encoding a ward list comes in reads back as the same Vietnamese names', async () => {
	const testInfo = test.info();
	const api = await apiAs(testInfo.project.use.baseURL!, 'quantri', 'hatu2026');
	const cases: Array<[string, (text: string) => Buffer]> = [
		['utf8.csv', (t) => Buffer.from(t, 'utf8')],
		['utf8-bom.csv', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
		['nfd.csv', (t) => Buffer.from(t.normalize('NFD'), 'utf8')],
		['utf16.csv', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
		['cp1258.csv', (t) => encodeCp1258(t)],
		['tcvn3.csv', (t) => Buffer.from(encodeTcvn3(t))],
		['vni.csv', (t) => Buffer.from(toVni(t), 'latin1')]
	];
	for (const [name, encode] of cases) {
		const given = word();
		const text = list([
			[`Đặng Thị ${given}`, '1949', '0912 345 678', 'Chủ hộ', `Số 7 ngõ ${given}`, 'Khu phố 4'],
			[`Nguyễn Văn ${given}`, '1946', '', 'Chồng', `Số 7 ngõ ${given}`, '4']
		]);
		const preview = await upload(api, name, encode(text), true);
		expect(preview.status, name).toBe(200);
		expect(preview.body).toMatchObject({ imported: 2, duplicates: [], errors: [] });
		expect(preview.body.rows.map((r: { fullName: string }) => r.fullName)).toEqual([
			`Đặng Thị ${given}`,
			`Nguyễn Văn ${given}`
		]);
		expect(await found(api, given), 'a preview stores nothing').toEqual([]);

		const commit = await upload(api, name, encode(text), false);
		expect(commit.status, name).toBe(201);
		expect(commit.body.imported).toBe(2);
		expect((await found(api, `dang thi ${given}`)).map((n) => n.normalize('NFC'))).toEqual([
			`Đặng Thị ${given}`
		]);
	}
});

test('a list of about 1 MB previews in full; one over 5 MB is refused as too big', async () => {
	const api = await apiAs(apiBase, 'quantri', 'hatu2026');
	const given = word();
	// 4000 households of one person, each row about 265 bytes: a ward's list from a spreadsheet.
	const street = `đường Nguyễn Văn Linh, tổ dân phố số bảy, phường Hải Tân ${'x'.repeat(100)}`;
	const text = list(
		Array.from({ length: 4000 }, (_, i) => [
			// Each a name of its own: one name and year twice in a khu phố is a likely duplicate.
			`Nguyễn Thị ${given} ${letters(i)}`,
			'1950',
			'',
			'Chủ hộ',
			`"Số ${i} ngõ ${given}, ${street}"`,
			'Khu phố 4'
		])
	);
	expect(Buffer.byteLength(text)).toBeGreaterThan(1_000_000);
	const preview = await upload(api, 'dai.csv', Buffer.from(text), true);
	expect(preview.status).toBe(200);
	expect(preview.body).toMatchObject({ imported: 4000, duplicates: [], errors: [] });
	expect(preview.body.rows).toHaveLength(4000);

	const huge = await upload(api, 'qua-lon.csv', Buffer.alloc(6 * 1024 * 1024, 'a'), true);
	expect(huge.status).toBe(413);
	expect(huge.body).toMatchObject({ reason: 'too_large', message: /^Tệp lớn hơn 5 MB\./ });
});

test('an XLSX list imports; the same list again is flagged as duplicates, not doubled', async () => {
	const testInfo = test.info();
	const api = await apiAs(testInfo.project.use.baseURL!, 'quantri', 'hatu2026');
	const given = word();
	const rows = [
		['Họ và tên', 'Năm sinh', 'Địa chỉ', 'Khu phố', 'Chủ hộ'],
		[`Bùi Văn ${given}`, 1950, `Số 9 phố ${given}`, 'Khu phố 5', `Bùi Văn ${given}`],
		[`Bùi Thị ${given}`, 1953, `Số 9 phố ${given}`, 'Khu phố 5', `Bùi Văn ${given}`],
		[`Bùi Thị ${given}`, 1953, `Số 9 phố ${given}`, 'Khu phố 5', `Bùi Văn ${given}`]
	] as Array<Array<string | number>>;
	const file = `ds-${given}.xlsx`;
	const first = await upload(api, file, makeXlsx(rows), false);
	expect(first.status).toBe(201);
	expect(first.body.imported).toBe(2);
	// Imported: the duplicate was skipped, not "will be".
	expect(first.body.duplicates).toEqual([
		{ row: 4, message: 'Cùng tên, năm sinh và hộ với một dòng phía trên: đã bỏ qua.' }
	]);

	const again = await upload(api, file, makeXlsx(rows), false);
	expect(again.body.imported).toBe(0);
	expect(again.body.duplicates.map((d: { row: number }) => d.row)).toEqual([2, 3, 4]);
	expect(await found(api, given)).toHaveLength(2);

	// The access log tells the officer the same, in words.
	const log = await api.get(`/api/audit?subject=${encodeURIComponent(`file:${file}`)}`);
	expect(((await log.json()).entries as Array<{ detail: string }>).map((e) => e.detail)).toEqual([
		'Đã nhập 0 người; bỏ qua 3 dòng có thể trùng',
		'Đã nhập 2 người; bỏ qua 1 dòng có thể trùng'
	]);
});

test('a list with bad rows names each problem and imports nothing', async ({ page }, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!, 'quantri', 'hatu2026');
	const given = word();
	const text = list([
		[`Lý Văn ${given}`, '1950', '', '', `Số 1 ngõ ${given}`, 'Khu phố 2'],
		[`Lý Thị ${given}`, 'năm ngoái', '', '', `Số 1 ngõ ${given}`, 'Khu phố 2'],
		[`Lý Văn Út ${given}`, '1990', '', '', `Số 1 ngõ ${given}`, 'Khu phố 99'],
		['', '1990', '', '', `Số 1 ngõ ${given}`, 'Khu phố 2'],
		[`Lý Văn Hai ${given}`, '1990', '12ab', '', `Số 1 ngõ ${given}`, 'Khu phố 2'],
		['Lý 3', '1850', 'abc', '', '', 'Khu phố 9']
	]);
	const result = await upload(api, 'bad.csv', Buffer.from(text), false);
	expect(result.status).toBe(422);
	expect(result.body.imported).toBe(0);
	expect(result.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6, 7]);
	expect(result.body.errors[0].message).toContain('Năm sinh');
	expect(result.body.errors[1].message).toContain('Khu phố 99');
	// A row with five mistakes names all five: the file is fixed once, not five times.
	expect(result.body.errors[4].message).toBe(
		'Họ tên có ký tự không dùng được: “3”. Năm sinh phải là năm có 4 chữ số, từ 1900 đến ' +
			`${new Date().getFullYear()}. Số điện thoại phải có 10–11 chữ số, bắt đầu bằng 0. ` +
			'Không có khu phố “Khu phố 9”. Thiếu địa chỉ.'
	);
	expect(await found(api, given)).toEqual([]);

	for (const [name, bytes, reason] of [
		['empty.csv', Buffer.alloc(0), 'empty_file'],
		['x.xlsx', Buffer.from('PK\u0003\u0004 broken'), 'unreadable'],
		['cols.csv', Buffer.from('Tên gì đó,Cột khác\nA,B\n'), 'missing_columns']
	] as const) {
		const r = await upload(api, name, bytes, true);
		expect(r.status, name).toBe(400);
		expect(r.body.reason).toBe(reason);
	}
	const volunteer = await apiAs(testInfo.project.use.baseURL!);
	expect((await upload(volunteer, 'x.csv', Buffer.from(text), true)).status).toBe(403);

	// The officer's preview screen shows every row with its problem.
	await signIn(page, 'quantri', 'hatu2026');
	await openHydrated(page, '/cu-dan/nhap');
	await page
		.getByLabel('Tệp danh sách')
		.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	// With a file chosen the form still fits the phone (a wide file field once zoomed it out).
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	// A preview imports nothing: it says what "Nhập vào danh sách" would do with these rows.
	await expect(page.getByRole('status')).toContainText(
		'5 dòng lỗi: nếu bấm “Nhập vào danh sách” bây giờ, sẽ không nhập dòng nào'
	);
	await expect(page.locator('[data-row="4"]')).toContainText('Lỗi: Không có khu phố “Khu phố 99”');
	// Each row says where it lives: the address decides which household it joins.
	await expect(page.locator('[data-row="2"]')).toContainText(`1950 · Số 1 ngõ ${given}, Khu phố 2`);
	await page.screenshot({ path: testInfo.outputPath('import-preview.png'), fullPage: true });
	// Sent anyway: the good row says it was held back with the rest, not that it will go in.
	await page.getByRole('button', { name: 'Nhập vào danh sách' }).click();
	await expect(page.getByRole('heading', { name: /^Kết quả/ })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('5 dòng lỗi: chưa nhập dòng nào');
	await expect(page.locator('[data-row="2"]')).toContainText('Chưa nhập');
	// An empty file is said to be empty (it was "Chưa chọn tệp danh sách").
	await page
		.getByLabel('Tệp danh sách')
		.setInputFiles({ name: 'trong.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Tệp “trong.csv” trống: không có dòng nào để nhập.'
	);
});

test('the officer’s screen says which rows went in once a list is imported', async ({
	page
}, testInfo) => {
	const given = word();
	const text = list([
		[`Hà Văn ${given}`, '1948', '', 'Chủ hộ', `Số 3 ngõ ${given}`, 'Khu phố 4'],
		[`Hà Thị ${given}`, '1951', '', 'Vợ', `Số 3 ngõ ${given}`, 'Khu phố 4']
	]);
	await signIn(page, 'quantri', 'hatu2026');
	// Found from the residents' page (a volunteer, who may not import, is not offered it).
	await openHydrated(page, '/cu-dan');
	await page.getByRole('link', { name: 'Nhập danh sách' }).click();
	await expect(page).toHaveURL(/\/cu-dan\/nhap$/);
	await page.locator('html[data-hydrated]').waitFor();
	const file = { name: 'tot.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
	await page.getByLabel('Tệp danh sách').setInputFiles(file);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.locator('[data-row="2"]')).toContainText('Sẽ nhập');
	await page.getByRole('button', { name: 'Nhập vào danh sách' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã nhập 2 người; bỏ qua 0 dòng có thể trùng.');
	await expect(page.locator('[data-row="2"]')).toContainText('Đã nhập');
	await expect(page.locator('[data-row="3"]')).toContainText('Đã nhập');
	await page.screenshot({ path: testInfo.outputPath('import-done.png'), fullPage: true });
});

test('a list typed in the old .VnTime font previews in Vietnamese, its names given their capitals', async ({
	page
}, testInfo) => {
	const given = word();
	// What a spreadsheet typed in a TCVN3 font holds: one Western letter per TCVN3 byte, and
	// no capital with a tone mark ("Ánh" typed as "ánh").
	const vnTime = (t: string) => Buffer.from(encodeTcvn3(t)).toString('latin1');
	const xlsx = makeXlsx(
		[
			['Họ và tên', 'Năm sinh', 'Địa chỉ', 'Khu phố'],
			[`Lê Ánh ${given}`, '1950', `Số 5 ngõ ${given}`, 'Khu phố 4'],
			[`Trần Thị Ổn ${given}`, '1953', `Số 5 ngõ ${given}`, 'Khu phố 4']
		].map((r) => r.map(vnTime))
	);
	await signIn(page, 'quantri', 'hatu2026');
	await openHydrated(page, '/cu-dan/nhap');
	const file = { name: 'vntime.xlsx', mimeType: 'application/octet-stream', buffer: xlsx };
	await page.getByLabel('Tệp danh sách').setInputFiles(file);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.locator('[data-name-case]')).toContainText(
		'Danh sách gõ bằng phông TCVN3 (.VnTime)'
	);
	await expect(page.locator('[data-row="2"]')).toContainText(`Lê Ánh ${given}`);
	await expect(page.locator('[data-row="3"]')).toContainText(`Trần Thị Ổn ${given}`);
	await expect(page.locator('[data-row="3"]')).toContainText('Sẽ nhập');
	await page.screenshot({ path: testInfo.outputPath('import-vntime.png'), fullPage: true });
	await page.getByRole('button', { name: 'Nhập vào danh sách' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã nhập 2 người; bỏ qua 0 dòng có thể trùng.');
	const api = await apiAs(testInfo.project.use.baseURL!, 'quantri', 'hatu2026');
	expect((await found(api, given)).sort()).toEqual([`Lê Ánh ${given}`, `Trần Thị Ổn ${given}`]);
});

test('a ward’s own Excel list — title, merged address, phone as a number, birth date — previews and imports whole', async ({
	page
}, testInfo) => {
	const given = word();
	const cells = (r: number, values: Array<string | number | [number]>) =>
		`<row r="${r}">${values
			.map((v, i) => {
				const ref = `${'ABCDEF'[i]}${r}`;
				if (Array.isArray(v)) return `<c r="${ref}" s="1"><v>${v[0]}</v></c>`;
				return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : text(ref, v);
			})
			.join('')}</row>`;
	const styles =
		'<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
	const xlsx = workbook(
		{
			'Hướng dẫn': `<sheetData>${cells(1, ['Danh sách ở trang sau'])}</sheetData>`,
			'KP 3': `<sheetData>${cells(1, ['DANH SÁCH HỘ GIA ĐÌNH KHU PHỐ 3'])}${cells(3, ['STT', 'Họ và tên', 'Ngày sinh', 'SĐT', 'Địa chỉ', 'Khu phố'])}${cells(4, [1, `Đỗ Văn ${given}`, [19115], 912345678, `Số 9 ngõ ${given}`, 'KP3'])}${cells(5, [2, `Đỗ Thị ${given}`, '03/02/1955', ''])}${cells(6, [3, `Đỗ Văn Út ${given}`, 1990, ''])}</sheetData><mergeCells count="3"><mergeCell ref="A1:F1"/><mergeCell ref="E4:E6"/><mergeCell ref="F4:F6"/></mergeCells>`
		},
		styles
	);
	await signIn(page, 'quantri', 'hatu2026');
	await openHydrated(page, '/cu-dan/nhap');
	const file = { name: `kp3-${given}.xlsx`, mimeType: 'application/octet-stream', buffer: xlsx };
	await page.getByLabel('Tệp danh sách').setInputFiles(file);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Sẽ nhập 3 người; 0 dòng có thể trùng sẽ bỏ qua.'
	);
	await expect(page.getByText('Đã đọc danh sách ở trang tính: KP 3.')).toBeVisible();
	// The merged address reaches every member; the day number reads as the date it shows.
	await expect(page.locator('[data-row="4"]')).toContainText(
		`01/05/1952 · Số 9 ngõ ${given}, Khu phố 3`
	);
	await expect(page.locator('[data-row="6"]')).toContainText(`1990 · Số 9 ngõ ${given}, Khu phố 3`);
	await expect(page.locator('[data-row="4"]')).toContainText(
		'Số điện thoại 912345678 được đọc là 0912345678 (thêm số 0 ở đầu).'
	);
	await page.screenshot({ path: testInfo.outputPath('import-excel-preview.png'), fullPage: true });
	await page.getByRole('button', { name: 'Nhập vào danh sách' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã nhập 3 người; bỏ qua 0 dòng có thể trùng.');
	const api = await apiAs(apiBase, 'quantri', 'hatu2026');
	const stored = await api.get(`/api/residents?q=${encodeURIComponent(given)}`);
	const people = (await stored.json()) as Array<{ fullName: string; phone: string | null }>;
	expect(people.map((p) => [p.fullName, p.phone]).sort()).toEqual(
		[
			[`Đỗ Thị ${given}`, null],
			[`Đỗ Văn ${given}`, '0912345678'],
			[`Đỗ Văn Út ${given}`, null]
		].sort()
	);
});
