// The end-to-end tests need Debian's programs: Chromium and its headless shell, which
// Playwright drives (a browser download is impossible here), and poppler's pdftotext, which
// reads back the printed reports (tests/reports/print.spec.ts). If one is missing: install it when we are
// root, otherwise say exactly how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
	{ program: '/usr/bin/chromium', pkg: 'chromium' },
	// The same Blink without a browser's window: most specs run in it (playwright.config.ts).
	{ program: '/usr/bin/chromium-headless-shell', pkg: 'chromium-headless-shell' },
	{ program: '/usr/bin/pdftotext', pkg: 'poppler-utils' }
];
const missing = needs.filter((n) => !existsSync(n.program)).map((n) => n.pkg);
if (missing.length > 0) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const install = `apt-get install -y ${missing.join(' ')}`;
	if (!isRoot) {
		console.error(
			`Missing ${missing.join(', ')}. Install, then run the tests again:\n  sudo ${install}`
		);
		process.exit(1);
	}
	console.log(`Missing ${missing.join(', ')}: installing Debian’s packages (about 30 s)…`);
	execSync(`apt-get update -qq && apt-get install -y -qq ${missing.join(' ')}`, {
		stdio: 'inherit'
	});
}
