// Walks every step of every lesson with the kiosk's biggest text (A+ pressed to its end) at
// the three kiosk sizes, as a learner does (practice taps, quiz answers, Tiếp tục), and lists
// what an older resident could miss: content cut off with no "Còn nữa" line, a step that
// opens scrolled, buttons under 76 px, text under 24 px, controls over each other.
// Too slow for the test suite (about six minutes); run it against a built server:
//   PORT=4201 node kiosk/server.js &   then   node bench/kiosk-big-text.sweep.js [base] [WxH…]
// Screenshots of every step with a finding go to bench/out/sweep/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4201';
const sizes = (
	process.argv.length > 3 ? process.argv.slice(3) : ['1366x768', '1920x1080', '1080x1920']
).map((s) => s.split('x').map(Number));
const dir = new URL('../src/lib/walkthroughs/lessons/', import.meta.url);
const lessons = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
const out = new URL('./out/sweep/', import.meta.url);
mkdirSync(out, { recursive: true });

/** The kiosk's guards: a second tap within 400 ms, Tiếp tục within 800 ms of a step change. */
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Everything wrong on the screen as it is now (runs in the page). */
function inspect() {
	const found = [];
	const seen = (e) => {
		const r = e.getBoundingClientRect();
		if (r.width < 1 || r.height < 1) return false;
		const s = getComputedStyle(e);
		return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05;
	};
	const body = document.querySelector('.lesson > .body');
	const main = document.querySelector('main');
	if (body && body.scrollHeight - body.clientHeight > 1) {
		found.push(
			`step scrolls: ${body.scrollHeight - body.clientHeight} px more than shows, scrollTop ${Math.round(body.scrollTop)}`
		);
	}
	if (main.scrollHeight - main.clientHeight > 1 && !document.querySelector('.more-below')) {
		found.push(`page scrolls ${main.scrollHeight - main.clientHeight} px with no "Còn nữa" line`);
	}
	if (document.documentElement.scrollWidth > innerWidth + 1)
		found.push('page wider than the screen');
	// The practice phone: rows outside its window need the "▲/▼ Còn nữa" line on that side.
	const screen = document.querySelector('.screen');
	if (screen) {
		const box = screen.getBoundingClientRect();
		const rows = [...screen.children].map((r) => r.getBoundingClientRect());
		const above = rows.filter((r) => r.top < box.top - 1).length;
		const hidden = rows.filter((r) => r.bottom <= box.top + 1).length;
		const below = rows.some((r) => r.bottom > box.bottom + 1);
		if (above && !document.querySelector('.more.above')) found.push('phone: rows above, no ▲ line');
		if (below && !document.querySelector('.more.below')) found.push('phone: rows below, no ▼ line');
		if (hidden)
			found.push(
				`phone: ${hidden} row(s) wholly above its window (scrollTop ${Math.round(screen.scrollTop)})`
			);
		for (const row of screen.children) {
			if (row.scrollWidth > row.clientWidth + 1)
				found.push(`phone row wider than the phone: ${row.textContent.trim().slice(0, 30)}`);
		}
	}
	const points = document.querySelector('[data-testid="points"] ol');
	if (
		points &&
		points.scrollHeight - points.clientHeight - points.scrollTop > 8 &&
		!document.querySelector('[data-testid="points"] .more-below')
	) {
		found.push('rules card cut, no line');
	}
	// Controls: big enough and apart. The phone's own drawn buttons count too.
	const controls = [
		...document.querySelectorAll('button, a[href], [role="button"], .screen [data-target]')
	].filter(seen);
	// Inside a scrolling area, only what shows whole of it is judged.
	const boxes = controls
		.map((c) => [c, c.getBoundingClientRect()])
		.filter(([c, r]) => {
			const clip = c.closest('.screen, .points');
			if (!clip) return true;
			const k = clip.getBoundingClientRect();
			return r.top >= k.top - 1 && r.bottom <= k.bottom + 1;
		});
	for (const [c, r] of boxes) {
		if (r.height < 75.5 && !c.matches('.screen [data-target] *')) {
			found.push(
				`small control ${Math.round(r.width)}×${Math.round(r.height)}: ${(c.textContent || c.getAttribute('aria-label') || '').trim().slice(0, 30)}`
			);
		}
		if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.top < -1) {
			found.push(`control off screen: ${c.textContent.trim().slice(0, 30)}`);
		}
	}
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, ra] = boxes[i];
			const [b, rb] = boxes[j];
			if (a.contains(b) || b.contains(a)) continue;
			const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
			const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
			if (w > 2 && h > 2)
				found.push(
					`controls overlap: "${a.textContent.trim().slice(0, 20)}" / "${b.textContent.trim().slice(0, 20)}"`
				);
		}
	}
	// Text: every element that holds words of its own.
	const small = new Set();
	for (const e of document.querySelectorAll('body *')) {
		const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
		if (!own || !seen(e)) continue;
		const px = parseFloat(getComputedStyle(e).fontSize);
		if (px < 23.5) small.add(`${px}px "${e.textContent.trim().slice(0, 25)}"`);
	}
	for (const s of small) found.push(`small text ${s}`);
	return found;
}

const report = [];
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox']
});
for (const [w, h] of sizes) {
	const page = await browser.newPage({ viewport: { width: w, height: h }, hasTouch: true });
	const tap = async (locator) => {
		await locator.tap();
		await pause(450);
	};
	const next = page
		.getByRole('navigation', { name: 'Điều khiển bài học' })
		.getByRole('button', { name: 'Tiếp tục' });
	for (const l of lessons) {
		await page.goto(`${base}/bai-hoc/${l.id}`);
		await page.locator('html[data-hydrated]').waitFor();
		const bigger = page.getByRole('button', { name: 'Chữ to hơn', exact: true });
		while ((await bigger.getAttribute('aria-disabled')) !== 'true') await tap(bigger);
		for (const [i, step] of l.steps.entries()) {
			await page.getByText(`Bước ${i + 1}/${l.steps.length}`, { exact: true }).waitFor();
			await pause(500);
			const where = `${w}x${h} ${l.id} step ${i + 1}`;
			const opened = await page.evaluate(inspect);
			const top = await page.evaluate(() => document.querySelector('.lesson > .body').scrollTop);
			if (top > 0) opened.push(`opened scrolled: step scrollTop ${top}`);
			const findings = opened.map((f) => `open: ${f}`);
			if (step.practice) {
				const target = page.locator(`.screen [data-target="${step.practice.target}"]`);
				if (step.practice.swipe || !(await target.isVisible()))
					await target.scrollIntoViewIfNeeded();
				await tap(target);
				await pause(300);
				findings.push(
					...(await page.evaluate(inspect))
						.filter((f) => !opened.includes(f))
						.map((f) => `after tap: ${f}`)
				);
			}
			for (const [q, item] of (step.quiz ?? []).entries()) {
				await tap(
					page
						.getByRole('group', { name: 'Có phải lừa đảo không?' })
						.getByRole('button', { name: q % 2 ? 'Có, lừa đảo' : 'Không phải' })
				);
				await pause(300);
				findings.push(...(await page.evaluate(inspect)).map((f) => `quiz ${q + 1} answered: ${f}`));
				if (q < step.quiz.length - 1) {
					await tap(next);
					await pause(450);
				}
				void item;
			}
			if (findings.length) {
				report.push(`${where}\n  ${findings.join('\n  ')}`);
				await page.screenshot({ path: new URL(`${w}x${h}-${l.id}-${i + 1}.png`, out).pathname });
			}
			await pause(400);
			await tap(next);
		}
	}
	await page.close();
}
await browser.close();
console.log(report.length ? report.join('\n') : 'Nothing found.');
