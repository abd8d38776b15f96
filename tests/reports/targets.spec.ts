import { expect, test } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';

test('a target of 80,5% is written with a decimal comma in the form, the report and the log', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/muc-tieu');
	const { targets } = await (await page.request.get('/api/reports/coverage')).json();
	const target = targets.find(
		(t: { metric: string; percent: number }) => t.metric === 'adults_skilled' && t.percent === 80
	);
	const form = page.locator('form', { has: page.locator(`input[name=id][value="${target.id}"]`) });
	const rate = form.getByLabel('Tỷ lệ (%)');
	const name = form.getByLabel('Tên chỉ tiêu');
	// The name says the percent too, and must agree with it.
	const save = async (value: string, label = target.label.replace(/^[\d,]+%/, `${value}%`)) => {
		await rate.fill(value);
		await name.fill(label);
		await form.getByRole('button', { name: 'Lưu' }).click();
		await expect(form.getByRole('status')).toHaveText('Đã lưu.');
	};

	await openHydrated(page, '/quan-tri/muc-tieu');
	const before = await rate.inputValue();
	try {
		// Only the percent changed: refused, since the name still says 80%.
		await rate.fill('80,5');
		await form.getByRole('button', { name: 'Lưu' }).click();
		await expect(form.getByRole('alert')).toHaveText(
			'Tên chỉ tiêu ghi 80% nhưng tỷ lệ là 80,5%. Xin sửa cho khớp.'
		);
		// The field to correct is marked, says why, and has the focus (the line was below the
		// screen's edge at 1366×768 while the focus stayed on "Lưu").
		await expect(name).toHaveAttribute('aria-invalid', 'true');
		await expect(name).toHaveAccessibleDescription(
			'Tên chỉ tiêu ghi 80% nhưng tỷ lệ là 80,5%. Xin sửa cho khớp.'
		);
		await expect(name).toBeFocused();
		await expect(rate).not.toHaveAttribute('aria-invalid', 'true');
		await save('80,5');
		// The officer typed a comma and sees a comma, after saving and on a fresh page.
		await expect(rate).toHaveValue('80,5');
		await openHydrated(page, '/quan-tri/muc-tieu');
		await expect(rate).toHaveValue('80,5');

		await openHydrated(page, '/bao-cao');
		const item = page.getByRole('listitem').filter({ hasText: `80,5% người trưởng thành` });
		await expect(item).toContainText('80,5%');
		await expect(item).not.toContainText('80.5');
		await expect(item.getByRole('img')).toHaveAccessibleName(/trên chỉ tiêu 80,5%$/);

		const log = await page.request.get(
			`/api/audit?action=coverage.set_target&subject=target:${target.id}&limit=1`
		);
		const [entry] = (await log.json()).entries;
		expect(entry.detail).toMatch(/^80,5% đến /);
		// With the device it was done on, as every change (it was empty).
		expect(entry.deviceName).toContain('Linux');
	} finally {
		// Other tests read this target as it was.
		await openHydrated(page, '/quan-tri/muc-tieu');
		await save(before, target.label);
	}
});
