import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
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
		const dataDir = tempDir('port-taken');
		const result = run(process.execPath, [join(KIOSK, 'server.js')], {
			PORT: '4353',
			HOST: '127.0.0.1',
			DATA_DIR: dataDir
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Port 4353 is already in use');
		expect(result.stderr).toContain('PORT=');
		expect(result.stderr).not.toContain('EADDRINUSE');
		// Asked before the app starts: no demo ward seeded into the folder, no store opened
		// (on a running server's own folder, a second process had it open).
		expect(result.stdout).not.toContain('Seeded the demo ward');
		expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
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
	expect(result.stderr).toContain('Cannot read TLS_CERT=/etc/tram-hoc-so/tls/cert.pem (ENOENT)');
	expect(result.stderr).toContain('kiosk/make-certificate.sh');
});

test('make-certificate.sh lets the server’s group read its key, the screen the certificate, and keeps ca.key root’s', () => {
	// As root on a terminal the group is ths-server; TLS_GROUP names another here.
	test.skip(process.getuid?.() !== 0, 'chgrp to another group needs root');
	const dir = join(tempDir('certificate'), 'tls');
	const made = run('bash', [join(KIOSK, 'make-certificate.sh'), dir, 'tramhocso.local'], {
		TLS_GROUP: 'nogroup'
	});
	expect(made.status, made.stderr).toBe(0);
	const nogroup = Number(run('getent', ['group', 'nogroup']).stdout.split(':')[2]);
	const mode = (name: string) => (statSync(join(dir, name)).mode & 0o777).toString(8);
	expect([mode('.'), mode('server.key'), mode('ca.key')]).toEqual(['755', '640', '600']);
	expect(statSync(dir).gid).toBe(nogroup);
	expect(statSync(join(dir, 'server.key')).gid).toBe(nogroup);
	expect(statSync(join(dir, 'ca.key')).gid).not.toBe(nogroup);

	const plain = join(tempDir('certificate'), 'tls');
	expect(run('bash', [join(KIOSK, 'make-certificate.sh'), plain], { TLS_GROUP: '' }).status).toBe(
		0
	);
	expect((statSync(join(plain, 'server.key')).mode & 0o777).toString(8)).toBe('600');
});

test('npm start builds again when a source changed after the last build (a git pull), not only when there is none', async () => {
	const { buildNeeded } = await import('../../kiosk/build-stale.js');
	const root = tempDir('build-stale');
	const at = (path: string, seconds: number) => {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), '');
		utimesSync(join(root, path), seconds, seconds);
	};
	const now = Date.now() / 1000;
	at('src/routes/+page.svelte', now - 300);
	at('static/voice/gen/a.opus', now - 300);
	at('package.json', now - 300);
	expect(buildNeeded(root)).toBe('No build yet');
	at('build/handler.js', now - 200);
	expect(buildNeeded(root)).toBeNull();
	// A pulled change to a lesson, deep in src/.
	at('src/lib/walkthroughs/lessons/tien-dien.json', now - 100);
	expect(buildNeeded(root)).toBe('src changed since the last build');
	at('build/handler.js', now);
	expect(buildNeeded(root)).toBeNull();
});
