// The end-to-end tests drive Debian's Chromium (a browser download is impossible here).
// If it is missing: install it when we are root, otherwise say exactly how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(
			'Chromium is missing. Install it, then run the tests again:\n  sudo apt-get install -y chromium'
		);
		process.exit(1);
	}
	console.log('Chromium is missing: installing Debian’s package (about 30 s)…');
	execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit' });
}
