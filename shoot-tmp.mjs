import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4302';
const sizes = process.argv[2] ? [process.argv[2]] : ['1920x1080', '1080x1920', '1366x768'];
const paths = (process.argv[3] ?? '/,/chu-de/thanh-toan,/bai-hoc/chuyen-khoan-vietqr').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const size of sizes) {
	const [width, height] = size.split('x').map(Number);
	const page = await browser.newPage({ viewport: { width, height }, hasTouch: true });
	for (const p of paths) {
		await page.goto(base + p);
		await page.waitForSelector('html[data-hydrated]');
		await page.waitForTimeout(300);
		const name = `/tmp/shots/${size}${p.replace(/\//g, '_') || '_home'}.png`;
		await page.screenshot({ path: name });
		console.log(name);
	}
	await page.close();
}
await browser.close();
