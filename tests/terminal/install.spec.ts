import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readlinkSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { fingerprint, KIOSK, makeRelease, run, tempDir, waitFor } from './support';

test.describe.configure({ timeout: 300_000 });

const UNITS = [
	'tram-hoc-so.service',
	'tram-hoc-so-browser.service',
	'tram-hoc-so-backup.service',
	'tram-hoc-so-backup.timer'
];

function install(root: string, release: string, ...more: string[]) {
	return run('bash', [join(KIOSK, 'install.sh'), '--root', root, '--release', release, ...more]);
}

test('install.sh into a prefix: everything in place, and a second run changes nothing', async () => {
	const root = tempDir('root');
	const release = makeRelease(tempDir('rel'), '0.1.0-test.1');

	const first = install(root, release);
	expect(first.status, first.stderr).toBe(0);
	for (const unit of UNITS) expect(existsSync(join(root, 'etc/systemd/system', unit))).toBe(true);
	expect(
		readlinkSync(join(root, 'etc/systemd/system/multi-user.target.wants/tram-hoc-so.service'))
	).toBe('/etc/systemd/system/tram-hoc-so.service');
	expect(
		readlinkSync(
			join(root, 'etc/systemd/system/graphical.target.wants/tram-hoc-so-browser.service')
		)
	).toBe('/etc/systemd/system/tram-hoc-so-browser.service');
	expect(
		readlinkSync(join(root, 'etc/systemd/system/timers.target.wants/tram-hoc-so-backup.timer'))
	).toBe('/etc/systemd/system/tram-hoc-so-backup.timer');
	expect(readFileSync(join(root, 'opt/tram-hoc-so/current/RELEASE'), 'utf8').trim()).toBe(
		'0.1.0-test.1'
	);
	expect(existsSync(join(root, 'opt/tram-hoc-so/bin/node'))).toBe(true);
	expect(first.stdout).toMatch(/xong: \d+ thay đổi/);
	// Host-level steps are said, not done, in a prefix.
	expect(first.stdout).toContain('bỏ qua (--root): useradd ths-server');

	const before = fingerprint(root);
	const second = install(root, release);
	expect(second.status, second.stderr).toBe(0);
	expect(second.stdout).toContain('xong: không có gì thay đổi');
	expect(fingerprint(root)).toBe(before);

	// The settings file is the volunteer's after the first run: edits survive, and the
	// Chromium policy follows the origin written there.
	const envFile = join(root, 'etc/tram-hoc-so/kiosk.env');
	writeFileSync(
		envFile,
		readFileSync(envFile, 'utf8').replace(/KIOSK_URL=.*/, 'KIOSK_URL=http://127.0.0.1:8080/')
	);
	const third = install(root, release);
	expect(third.stdout).toContain('xong: 1 thay đổi');
	expect(readFileSync(envFile, 'utf8')).toContain('KIOSK_URL=http://127.0.0.1:8080/');
	const policy = JSON.parse(
		readFileSync(join(root, 'etc/chromium/policies/managed/tram-hoc-so.json'), 'utf8')
	);
	expect(policy.URLAllowlist).toEqual(['http://127.0.0.1:8080']);

	// A newer release is left to update.sh (health check + roll-back), never switched here.
	const newer = makeRelease(tempDir('rel'), '0.1.0-test.2');
	const fourth = install(root, newer);
	expect(fourth.stdout).toContain('cập nhật bằng kiosk/update.sh');
	expect(readFileSync(join(root, 'opt/tram-hoc-so/current/RELEASE'), 'utf8').trim()).toBe(
		'0.1.0-test.1'
	);
});

test('install.sh --dry-run says what it would do and writes nothing', async () => {
	const root = join(tempDir('dry'), 'root');
	const release = makeRelease(tempDir('rel'), '0.1.0-test.1');
	const dry = install(root, release, '--dry-run');
	expect(dry.status, dry.stderr).toBe(0);
	expect(dry.stdout).toContain('sẽ ghi /etc/systemd/system/tram-hoc-so.service');
	expect(dry.stdout).toContain('sẽ nối /opt/tram-hoc-so/current → releases/0.1.0-test.1');
	expect(existsSync(root)).toBe(false);
});

test('the Chromium policy: only the app origin, camera without a prompt, no tools', async () => {
	const root = tempDir('policy');
	expect(install(root, makeRelease(tempDir('rel'), '0.1.0-test.1')).status).toBe(0);
	const policy = JSON.parse(
		readFileSync(join(root, 'etc/chromium/policies/managed/tram-hoc-so.json'), 'utf8')
	);
	expect(policy).toMatchObject({
		URLBlocklist: ['*'],
		URLAllowlist: ['http://127.0.0.1:3000'],
		VideoCaptureAllowedUrls: ['http://127.0.0.1:3000'],
		AutoplayAllowlist: ['http://127.0.0.1:3000'],
		DeveloperToolsAvailability: 2,
		DownloadRestrictions: 3,
		PasswordManagerEnabled: false,
		TranslateEnabled: false
	});
	// Chromium ignores a policy name it does not know, silently: every name we set must be
	// one the installed Chromium carries.
	const binary = readFileSync('/usr/lib/chromium/chromium');
	const unknown = Object.keys(policy).filter((name) => !binary.includes(Buffer.from(name)));
	expect(unknown).toEqual([]);
});

test('systemd-analyze verify accepts every unit as installed, with its programs in place', async () => {
	// No systemd runs in CI's container, but `systemd-analyze verify --root` loads units
	// offline against a root that has systemd's own units and the programs ExecStart names.
	const root = tempDir('verify');
	expect(install(root, makeRelease(tempDir('rel'), '0.1.0-test.1')).status).toBe(0);
	mkdirSync(join(root, 'usr/lib/systemd'), { recursive: true });
	cpSync('/usr/lib/systemd/system', join(root, 'usr/lib/systemd/system'), {
		recursive: true,
		verbatimSymlinks: true
	});
	// cage and node come from Debian packages on the terminal: stand-ins here.
	mkdirSync(join(root, 'usr/bin'), { recursive: true });
	for (const program of ['cage', 'node']) {
		writeFileSync(join(root, 'usr/bin', program), '#!/bin/sh\n');
		chmodSync(join(root, 'usr/bin', program), 0o755);
	}
	const verify = run('systemd-analyze', ['verify', `--root=${root}`, ...UNITS]);
	expect(verify.stderr).toBe('');
	expect(verify.status).toBe(0);

	// The check is real: a misspelt key or a missing program is reported.
	const unit = join(root, 'etc/systemd/system/tram-hoc-so.service');
	writeFileSync(unit, readFileSync(unit, 'utf8').replace('WatchdogSec=', 'WatchdogSecs='));
	expect(
		run('systemd-analyze', ['verify', `--root=${root}`, 'tram-hoc-so.service']).stderr
	).toContain("Unknown key 'WatchdogSecs'");

	// And the server's sandbox, as systemd itself scores it (0 = locked down, 10 = open).
	const security = run('systemd-analyze', [
		'security',
		'--offline=yes',
		`--root=${root}`,
		join(KIOSK, 'systemd/tram-hoc-so.service')
	]);
	const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(security.stdout)?.[1]);
	console.log(`systemd-analyze security: tram-hoc-so.service exposure ${exposure}`);
	expect(exposure).toBeLessThan(3);
});

test('the server unit keeps the promises the kiosk relies on', async () => {
	const unit = readFileSync(join(KIOSK, 'systemd/tram-hoc-so.service'), 'utf8');
	const settings = Object.fromEntries(
		unit
			.split('\n')
			.filter((line) => /^[A-Z]\w+=/.test(line))
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
	);
	expect(settings).toMatchObject({
		Type: 'notify',
		Restart: 'always',
		StateDirectory: 'tram-hoc-so',
		Environment: expect.any(String),
		ProtectSystem: 'strict',
		NoNewPrivileges: 'yes',
		PrivateTmp: 'yes'
	});
	expect(unit).toContain('Environment=DATA_DIR=/var/lib/tram-hoc-so');
	expect(Number(settings.WatchdogSec)).toBeGreaterThan(0);
	expect(Number(settings.TimeoutStopSec)).toBeGreaterThanOrEqual(60);
	const browser = readFileSync(join(KIOSK, 'systemd/tram-hoc-so-browser.service'), 'utf8');
	expect(browser).toMatch(/^Restart=always$/m);
	expect(browser).toMatch(/^RuntimeDirectory=/m);
	const timer = readFileSync(join(KIOSK, 'systemd/tram-hoc-so-backup.timer'), 'utf8');
	expect(timer).toMatch(/^OnCalendar=\*-\*-\* 02:30:00$/m);
	expect(timer).toMatch(/^Persistent=yes$/m);
});

test('a tarball from make-release.sh installs and serves, reporting its version', async () => {
	const out = tempDir('dist');
	const made = run(
		'bash',
		[join(KIOSK, 'make-release.sh'), '--no-build', '--out', out],
		{},
		240_000
	);
	expect(made.status, made.stderr).toBe(0);
	const tarball = made.stdout.trim().split('\n').at(-1)!;
	const version = /tram-hoc-so-(.+)\.tar\.gz$/.exec(tarball)![1];
	expect(version).toMatch(/^0\.\d+\.\d+-\d{8}\.\d{4}-\w+$/);

	const root = tempDir('root');
	const installed = install(root, tarball);
	expect(installed.status, installed.stderr).toBe(0);
	const current = join(root, 'opt/tram-hoc-so/current');
	expect(readFileSync(join(current, 'RELEASE'), 'utf8').trim()).toBe(version);
	// Only production packages travel: no test or build tools on the kiosk.
	expect(existsSync(join(current, 'node_modules/sql.js'))).toBe(true);
	expect(existsSync(join(current, 'node_modules/vite'))).toBe(false);

	const server = spawn(process.execPath, [join(current, 'kiosk/server.js')], {
		env: {
			...process.env,
			PORT: '4348',
			HOST: '127.0.0.1',
			DATA_DIR: tempDir('data'),
			SEED: 'none'
		},
		stdio: 'ignore'
	});
	try {
		const health = await waitFor('the installed server', async () => {
			const response = await fetch('http://127.0.0.1:4348/api/health');
			return response.ok ? await response.json() : undefined;
		});
		expect(health.version).toBe(version);
	} finally {
		server.kill('SIGTERM');
	}
});
