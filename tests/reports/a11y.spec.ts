import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';

for (const [user, secret, path] of [
	['quantri', DEMO.password, '/bao-cao'],
	['truongkhu5', DEMO.password, '/bao-cao/ngay'],
	['truongkhu5', DEMO.password, '/bao-cao/chua-tiep-can'],
	['tinhnguyen1', DEMO.pin, '/cu-dan/1/ky-nang'],
	['quantri', DEMO.password, '/quan-tri/muc-tieu']
] as const) {
	test(`${path} has no accessibility violations`, async ({ page }) => {
		await signIn(page, user, secret, path);
		await openHydrated(page, path);
		const results = await new AxeBuilder({ page }).analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
		).toEqual([]);
	});
}
