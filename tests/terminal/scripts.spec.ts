import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK, run } from './support';

/** Every shell script that runs on a terminal (new ones are picked up by themselves). */
function scripts(dir = KIOSK): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? scripts(join(dir, entry.name))
			: entry.name.endsWith('.sh')
				? [join(dir, entry.name)]
				: []
	);
}

test('shellcheck finds nothing in any kiosk script', async () => {
	const all = scripts();
	expect(all.map((path) => path.slice(KIOSK.length + 1))).toEqual(
		expect.arrayContaining([
			'install.sh',
			'launch-browser.sh',
			'update.sh',
			'backup.sh',
			'restore.sh',
			'make-release.sh'
		])
	);
	const result = run('shellcheck', ['--severity=style', '--external-sources', ...all]);
	expect(result.stdout + result.stderr).toBe('');
	expect(result.status).toBe(0);
});
