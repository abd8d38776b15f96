import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ServerProcess } from '../support/server-process';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { KIOSK, run, tempDir } from './support';

test.describe.configure({ timeout: 180_000 });

const row = (page: Page, key: string) => page.locator(`[data-item="${key}"]`);

test('the officer sees version, snapshot age, journal, disk, last backup and uptime', async ({
	browser
}) => {
	const backupDir = tempDir('backups');
	const server = new ServerProcess(4347, undefined, { BACKUP_DIR: backupDir });
	await server.start();
	try {
		const made = run('bash', [join(KIOSK, 'backup.sh')], {
			DATA_DIR: server.dataDir,
			BACKUP_DIR: backupDir,
			BACKUP_REQUIRE_MOUNT: '0'
		});
		expect(made.status, made.stderr).toBe(0);
		const { version } = await (await fetch(`${server.url}/api/health`)).json();

		const context = await browser.newContext({ baseURL: server.url });
		const page = await context.newPage();
		await signIn(page, 'quantri', DEMO.password, '/quan-tri/he-thong');
		await expect(page.getByRole('heading', { name: 'Tình trạng hệ thống' })).toBeVisible();

		await expect(row(page, 'version')).toContainText(version);
		await expect(row(page, 'uptime')).toContainText(/\d+ (giây|phút)/);
		await expect(row(page, 'snapshot')).toContainText(/trước/);
		await expect(row(page, 'journal')).toContainText(/\d+ thao tác/);
		await expect(row(page, 'disk')).toContainText(/[\d,]+ (MB|GB|TB) trên [\d,]+ (GB|TB) \(\d+%\)/);
		const backupRow = row(page, 'backup');
		// dd/mm/yyyy, a moment ago, and a size in Vietnamese units.
		await expect(backupRow).toContainText(
			/\d\d\/\d\d\/\d{4} \d\d:\d\d \(\d+ giây trước\), [\d,]+ (KB|MB)/
		);
		await expect(backupRow).toContainText('1 bản đang giữ');
		await expect(backupRow).toContainText('Tốt');

		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await page.screenshot({ path: test.info().outputPath('he-thong.png'), fullPage: true });
		await context.close();
	} finally {
		await server.stop();
	}
});

test('with no backup place set, the page says so plainly', async ({ page }) => {
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/he-thong');
	await expect(row(page, 'backup')).toContainText('Chưa cài nơi sao lưu');
	await expect(row(page, 'backup')).toContainText('Có vấn đề');
	await expect(page.getByRole('status')).toContainText('Có mục cần sửa ngay');
});

test('only the ward officer may open it', async ({ page }) => {
	await openHydrated(page, '/quan-tri/he-thong');
	await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri%2Fhe-thong/);

	await signIn(page, 'truongkhu1', DEMO.password);
	const response = await page.goto('/quan-tri/he-thong');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Tài khoản này không có quyền')).toBeVisible();
});
