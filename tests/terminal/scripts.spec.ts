import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { KIOSK, run, tempDir } from './support';

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

test('the server says in words when its port is taken, instead of a stack trace', async () => {
	const blocker = createServer();
	await new Promise<void>((resolve) => blocker.listen(4353, '127.0.0.1', resolve));
	try {
		const result = run(process.execPath, [join(KIOSK, 'server.js')], {
			PORT: '4353',
			HOST: '127.0.0.1',
			DATA_DIR: tempDir('port-taken')
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Cổng 4353 đang có chương trình khác dùng');
		expect(result.stderr).toContain('PORT=');
		expect(result.stderr).not.toContain('EADDRINUSE');
	} finally {
		await new Promise((resolve) => blocker.close(resolve));
	}
});

test('the server names a TLS file it cannot read, instead of a stack trace', () => {
	const result = run(process.execPath, [join(KIOSK, 'server.js')], {
		PORT: '4353',
		HOST: '127.0.0.1',
		DATA_DIR: tempDir('tls-missing'),
		TLS_CERT: '/etc/tram-hoc-so/tls/cert.pem',
		TLS_KEY: '/etc/tram-hoc-so/tls/key.pem'
	});
	expect(result.status).toBe(1);
	expect(result.stderr).toContain('Không đọc được TLS_CERT=/etc/tram-hoc-so/tls/cert.pem (ENOENT)');
	expect(result.stderr).toContain('kiosk/make-certificate.sh');
});
