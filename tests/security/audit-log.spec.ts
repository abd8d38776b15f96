import { expect, test } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { residentIn } from './residents';

test('the access log names the person and the device, finds them by name, and says it in the CSV', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password);
	// The search exports people until one fits: the last export is this person's newest entry.
	// Not the log's newest: the other worker's tests sign in and look at people meanwhile.
	const person = await residentIn(page.request, 'Khu phố 4', 400);
	await openHydrated(page, `/quan-tri/nhat-ky?subject=resident:${person.id}`);
	const newest = page.locator('tbody tr').first();
	await expect(newest).toContainText('Xuất dữ liệu cư dân (JSON)');
	const subject = newest.locator('td').nth(3);
	await expect(subject.getByRole('link')).toHaveText(person.fullName);
	await expect(subject.getByRole('link')).toHaveAttribute('href', `/cu-dan/${person.id}`);
	const device = newest.locator('td').nth(5);
	await expect(device).toHaveText('Chromium · Linux (trạm)');
	await expect(device).toHaveAttribute('title', /^127\.0\.0\.1 Mozilla\/5\.0/);

	// By the name typed without diacritics, as on the residents' search.
	const plain = person.fullName
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd');
	const filters = page.getByRole('form', { name: 'Lọc nhật ký' });
	await filters.getByLabel('Đối tượng').fill(plain.toLowerCase());
	// Only exports: a namesake of this person may be looked at by another test meanwhile.
	await filters.getByLabel('Việc').selectOption('resident.export');
	await filters.getByRole('button', { name: 'Lọc' }).click();
	await expect(page).toHaveURL(/subject=/);
	await expect(page.locator('tbody tr').first()).toContainText('Xuất dữ liệu cư dân (JSON)');
	await expect(page.locator('tbody tr').first().getByRole('link')).toHaveText(person.fullName);

	const csv = await (
		await page.request.get(`/api/audit?format=csv&limit=1&action=resident.export&subject=${plain}`)
	).text();
	const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
	expect(header).toBe(
		'Ngày,Giờ,Người làm,Tên đăng nhập,Việc,Đối tượng,Chi tiết,Thiết bị,Việc (tiếng Việt),Đối tượng (tên),Thiết bị (tóm tắt)'
	);
	expect(row).toContain(`,resident.export,resident:${person.id},`);
	expect(row).toMatch(/,Xuất dữ liệu cư dân \(JSON\),[^,]+,Chromium · Linux \(trạm\)$/);
	expect(row).toContain(person.fullName);
});
