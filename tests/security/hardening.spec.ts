import { expect, request, test, type ConsoleMessage } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL } from '../../playwright.config';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { discoverRoutes, samplePath } from './discover';
import { isPublic } from './expectations';
import { apiSignIn } from '../support/sign-in';
import { contexts } from './identities';
import { residentIn } from './residents';

const XSS = '<img src=x onerror="window.__xss=1">';

test('every answer carries the security headers and a CSP with no outside origin', async () => {
	const anon = await request.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
	for (const path of ['/', '/dang-nhap', '/api/health', '/api/users', '/quan-tri']) {
		const h = (await anon.get(path)).headers();
		expect(h['x-content-type-options'], path).toBe('nosniff');
		expect(h['referrer-policy'], path).toBe('same-origin');
		expect(h['x-frame-options'], path).toBe('DENY');
	}
	const csp = (await anon.get('/dang-nhap')).headers()['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("default-src 'self'");
	expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'nonce-[^']+'/);
	expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
	expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
});

test('pages hydrate under the CSP with no violation in the console', async ({ page }) => {
	test.setTimeout(120_000);
	const problems: string[] = [];
	const watch = (m: ConsoleMessage) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
	};
	page.on('console', watch);
	page.on('pageerror', (e) => problems.push(String(e)));
	// Every page without a parameter (kiosk pages merged later included), as the officer.
	const pages = discoverRoutes()
		.filter((r) => r.kind === 'page' && !r.id.includes('['))
		.map((r) => r.id);
	await signIn(page, 'quantri', DEMO.password);
	for (const path of [...pages, '/cu-dan/1/du-lieu']) {
		const response = await page.goto(path);
		if ((response?.status() ?? 500) >= 400) continue;
		await expect(page.locator('html[data-hydrated]'), path).toHaveCount(1);
	}
	expect(problems).toEqual([]);
	expect(pages.length).toBeGreaterThan(5);
});

test('the session cookie cannot be read by scripts or sent from other sites', async () => {
	const ctx = await request.newContext({ baseURL: BASE_URL });
	const r = await apiSignIn(ctx, 'tinhnguyen4', DEMO.pin);
	const cookie = r.headers()['set-cookie'];
	expect(cookie).toMatch(/^ths_session=[\w-]{40,};/);
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	expect(cookie).toMatch(/Path=\//);
	// The body never carries the token.
	expect(JSON.stringify(await r.json())).not.toContain(cookie.split(';')[0].split('=')[1]);
});

test('a form post from another origin is refused; a program naming no origin may import', async () => {
	const evil = await request.newContext({ baseURL: BASE_URL });
	const r = await evil.post('/dang-nhap', {
		form: { username: 'quantri', secret: DEMO.password },
		headers: { origin: 'http://evil.example' }
	});
	expect(r.status()).toBe(403);
	expect(r.headers()['set-cookie'] ?? '').not.toContain('ths_session');
	// The officer's own script (curl -F, no Origin) previews a list; a page elsewhere may not.
	const officer = await request.newContext({ baseURL: BASE_URL });
	expect((await apiSignIn(officer, 'quantri', DEMO.password)).status()).toBe(200);
	const file = {
		name: 'ds.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Khu phố,Địa chỉ,Chủ hộ,Họ tên,Năm sinh\n')
	};
	const preview = await officer.post('/api/import/residents?dryRun=1', { multipart: { file } });
	expect(preview.status(), await preview.text()).toBeLessThan(500);
	expect((await preview.json()).reason).not.toBe('cross_site');
	const forged = await officer.post('/api/import/residents?dryRun=1', {
		multipart: { file },
		headers: { origin: 'http://evil.example' }
	});
	expect([forged.status(), (await forged.json()).reason]).toEqual([403, 'cross_site']);
	// An address no API route has answers in the API's shape, not with a web page.
	const missing = await officer.get('/api/khong-co');
	expect([missing.status(), await missing.json()]).toEqual([
		404,
		{ status: 'error', reason: 'not_found', message: 'Không có địa chỉ API này.' }
	]);
});

test('oversized bodies get 413 with a reason before any route reads them', async () => {
	const who = await contexts(BASE_URL);
	const big = JSON.stringify({ username: 'x', displayName: 'y'.repeat(2_000_000) });
	const r = await who.officer.post('/api/users', {
		data: big,
		headers: { 'content-type': 'application/json' }
	});
	expect([r.status(), (await r.json()).reason]).toEqual([413, 'too_large']);
	const medium = await who.officer.post('/api/users', {
		data: JSON.stringify({ displayName: 'y'.repeat(100_000) }),
		headers: { 'content-type': 'application/json' }
	});
	expect([medium.status(), (await medium.json()).reason]).toEqual([413, 'too_large']);
});

test('errors never show a stack trace or a source path', async () => {
	const who = await contexts(BASE_URL);
	const answers = [
		await who.officer.get('/khong-co-trang-nay'),
		await who.officer.get('/%E0%A4%A'),
		await who.officer.get('/api/users/abc'),
		await who.officer.post('/api/users', {
			data: '{"username":',
			headers: { 'content-type': 'application/json' }
		}),
		await who.officer.get('/cu-dan/999999/du-lieu')
	];
	for (const r of answers) {
		expect(r.status()).toBeGreaterThanOrEqual(400);
		expect(r.status()).toBeLessThan(500);
		const text = await r.text();
		expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|\.js:\d+|Error:/);
	}
});

test('hostile text is shown as text in the audit log, and neutralised in its CSV', async ({
	page
}) => {
	const who = await contexts(BASE_URL);
	const r = await apiSignIn(who.anonymous, XSS, 'x');
	expect(r.status()).toBe(401);
	// A consent withdrawal's note lands in the audit detail, where a cell may start with "=".
	const person = await residentIn(who.officer, 'Khu phố 7', 700);
	const formula = '=HYPERLINK("http://evil.example","Bấm")';
	const withdrawn = await who.officer.post(`/cu-dan/${person.id}/du-lieu?/withdraw`, {
		form: { note: formula, confirm: 'yes' }
	});
	expect(withdrawn.status()).toBe(200);

	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await signIn(page, 'quantri', DEMO.password);
	await openHydrated(page, '/quan-tri/nhat-ky?action=auth.login_failed');
	await expect(page.getByRole('cell', { name: `Tên đăng nhập “${XSS}”` }).first()).toBeVisible();
	expect(
		await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
	).toBeUndefined();
	expect(await page.locator('main img').count()).toBe(0);
	expect(dialogs).toBe(0);
	await page.screenshot({ path: 'test-results/security-nhat-ky.png' });

	const csv = await who.officer.get(`/api/audit?subject=resident:${person.id}&format=csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`);
	// No cell of the file starts with a formula character.
	expect(text).not.toMatch(/(^|,|\r\n)"?[=+@]/);
});

test('public pages and public JSON never show a resident’s name', async () => {
	const who = await contexts(BASE_URL);
	const names = new Set<string>();
	for (let id = 1; names.size < 40 && id < 1300; id += 31) {
		const r = await who.officer.get(`/api/residents/${id}/export`);
		if (r.ok()) names.add((await r.json()).resident.fullName);
	}
	expect(names.size).toBeGreaterThan(20);
	// Kiosk addresses with a parameter get a topic or lesson the demo ward uses.
	const KIOSK_SAMPLES: Record<string, string> = {
		'chu-de': 'dich-vu-cong',
		'bai-hoc': 'vneid-kich-hoat'
	};
	const paths = discoverRoutes()
		.filter((r) => isPublic(r.id) && !r.id.startsWith('/api/auth'))
		.map((r) => samplePath(r.id, KIOSK_SAMPLES[r.id.split('/')[1]] ?? 'x'));
	paths.push('/api/health');
	for (const path of paths) {
		const text = await (await who.anonymous.get(path)).text();
		for (const name of names) expect(text, `${path} shows ${name}`).not.toContain(name);
	}
	expect(paths).toContain('/');
});

test('no component renders stored data as HTML ({@html} only with a stated reason)', () => {
	const offenders: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (path.endsWith('.svelte')) {
				const lines = readFileSync(path, 'utf8').split('\n');
				lines.forEach((line, i) => {
					// A trusted, build-time string (e.g. an SVG icon) may be inlined if its line or
					// the one above says why with "safe-html:".
					if (line.includes('{@html') && !`${lines[i - 1] ?? ''}${line}`.includes('safe-html:')) {
						offenders.push(`${path}:${i + 1}`);
					}
				});
			}
		}
	};
	walk('src');
	expect(offenders).toEqual([]);
});
