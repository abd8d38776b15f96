import { chromium, expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { BASE_URL } from '../../playwright.config';
import { KIOSK, run, tempDir, waitFor } from './support';

test.describe.configure({ timeout: 120_000 });

const LAUNCHER = join(KIOSK, 'launch-browser.sh');
const DEBUG_PORT = 4343;
const asRoot = process.getuid?.() === 0;

/**
 * Chromium's DevTools on `port`, tried again until it answers. Each try gets a few seconds of
 * its own: a connection made while Chromium is still starting can stall for Playwright's
 * whole default (30 s), which left no time for a second try (seen twice in CI, the DevTools
 * line already printed).
 */
const devTools = (what: string, port: number) =>
	waitFor(
		what,
		() => chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 5_000 }),
		60_000
	);

test('the launcher in dry mode prints the exact Chromium command', async () => {
	const profile = join(tempDir('profile'), 'p');
	const result = run('bash', [LAUNCHER, '--dry-run'], {
		KIOSK_URL: 'http://127.0.0.1:3000/',
		KIOSK_PROFILE_DIR: profile,
		CHROMIUM: '/usr/bin/chromium'
	});
	expect(result.status, result.stderr).toBe(0);
	const expected = [
		'/usr/bin/chromium',
		'--kiosk',
		'--no-first-run',
		'--no-default-browser-check',
		'--noerrdialogs',
		'--disable-infobars',
		'--disable-session-crashed-bubble',
		'--hide-crash-restore-bubble',
		'--disable-pinch',
		'--overscroll-history-navigation=0',
		'--disable-features=TranslateUI\\,OverscrollHistoryNavigation\\,TouchpadOverscrollHistoryNavigation\\,MediaRouter',
		'--autoplay-policy=no-user-gesture-required',
		'--enable-speech-dispatcher',
		'--lang=vi',
		'--touch-events=enabled',
		'--kiosk-printing',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-breakpad',
		'--disable-domain-reliability',
		'--metrics-recording-only',
		'--password-store=basic',
		'--check-for-update-interval=31536000',
		`--user-data-dir=${profile}`,
		`--disk-cache-dir=${profile}/cache`,
		'--disk-cache-size=67108864',
		'--ozone-platform=wayland',
		'--start-fullscreen',
		...(asRoot ? ['--no-sandbox'] : []),
		'http://127.0.0.1:3000/'
	];
	expect(result.stdout).toBe(`${expected.join(' ')}\n`);
	// A dry run touches nothing: no profile made, no browser started.
	expect(existsSync(profile)).toBe(false);
});

test('the launcher gives up with a clear message when the server never answers', async () => {
	const result = run('bash', [LAUNCHER, '--headless'], {
		KIOSK_URL: 'http://127.0.0.1:4349/',
		KIOSK_WAIT_SECONDS: '2',
		KIOSK_PROFILE_DIR: join(tempDir('profile'), 'p')
	});
	expect(result.status).toBe(1);
	expect(result.stderr).toContain('the server did not answer within 2 s');
});

test('the launcher starts Chromium against the built server, with a fresh profile, and the home page loads', async () => {
	const profile = join(tempDir('profile'), 'p');
	// What a previous visitor left behind must be gone after a start.
	mkdirSync(profile, { recursive: true });
	writeFileSync(join(profile, 'left-by-last-visitor'), 'x');

	const launcher = spawn('bash', [LAUNCHER, '--headless'], {
		env: {
			...process.env,
			KIOSK_URL: `${BASE_URL}/`,
			KIOSK_PROFILE_DIR: profile,
			KIOSK_DEBUG_PORT: String(DEBUG_PORT)
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	launcher.stdout.on('data', (d) => (log += d));
	launcher.stderr.on('data', (d) => (log += d));
	const exited = new Promise<number | null>((resolve) => launcher.on('exit', resolve));
	try {
		const browser = await devTools('Chromium DevTools', DEBUG_PORT).catch((error: Error) => {
			// If DevTools never answers, say what the launcher and Chromium said.
			throw new Error(`${error.message}; the launcher's output:\n${log}`);
		});
		const page = await waitFor('the kiosk page', () =>
			browser
				.contexts()
				.flatMap((c) => c.pages())
				.find((p) => p.url().startsWith(BASE_URL))
		);
		await page.locator('html[data-hydrated]').waitFor();
		await expect(page).toHaveTitle(/Trạm Học Số/);
		expect(page.url()).toBe(`${BASE_URL}/`);
		expect(existsSync(join(profile, 'left-by-last-visitor'))).toBe(false);
		expect(log).toContain(`Chromium`);
		await page.screenshot({ path: test.info().outputPath('kiosk-home.png') });
		await browser.close().catch(() => {});
	} finally {
		launcher.kill('SIGTERM');
	}
	// SIGTERM from systemd stops Chromium with it and the launcher exits cleanly.
	expect(await exited).toBe(0);
	await expect
		.poll(() => run('pgrep', ['-f', `remote-debugging-port=${DEBUG_PORT}`]).stdout.trim())
		.toBe('');
});

test('when Chromium dies the launcher exits, so systemd starts everything again', async () => {
	const profile = join(tempDir('profile'), 'p');
	const launcher = spawn('bash', [LAUNCHER, '--headless'], {
		env: {
			...process.env,
			KIOSK_URL: `${BASE_URL}/`,
			KIOSK_PROFILE_DIR: profile,
			KIOSK_DEBUG_PORT: String(DEBUG_PORT + 1)
		},
		stdio: 'ignore'
	});
	const exited = new Promise<number | null>((resolve) => launcher.on('exit', resolve));
	const pid = await waitFor('Chromium', () => {
		const found = run('pgrep', [
			'-o',
			'-f',
			`remote-debugging-port=${DEBUG_PORT + 1}`
		]).stdout.trim();
		return found || undefined;
	});
	process.kill(Number(pid), 'SIGKILL');
	expect(await exited).toBe(1);
});

test('with HTTPS the launcher trusts exactly the server certificate, and the page loads', async () => {
	const dir = tempDir('tls');
	const cert = join(dir, 'cert.pem');
	const key = join(dir, 'key.pem');
	const made = run('openssl', [
		'req',
		'-x509',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:P-256',
		'-nodes',
		'-keyout',
		key,
		'-out',
		cert,
		'-days',
		'2',
		'-subj',
		'/CN=tram-hoc-so.lan',
		'-addext',
		'subjectAltName=DNS:tram-hoc-so.lan,IP:127.0.0.1'
	]);
	expect(made.status, made.stderr).toBe(0);
	const server = spawn(process.execPath, [join(KIOSK, 'server.js')], {
		env: {
			...process.env,
			PORT: '4351',
			HOST: '127.0.0.1',
			DATA_DIR: tempDir('data'),
			TLS_CERT: cert,
			TLS_KEY: key
		},
		stdio: 'ignore'
	});
	const url = 'https://127.0.0.1:4351/';
	const open = async (env: Record<string, string>) => {
		const launcher = spawn('bash', [LAUNCHER, '--headless'], {
			env: {
				...process.env,
				KIOSK_URL: url,
				KIOSK_PROFILE_DIR: join(tempDir('profile'), 'p'),
				KIOSK_DEBUG_PORT: String(DEBUG_PORT),
				...env
			},
			stdio: 'ignore'
		});
		const exited = new Promise((resolve) => launcher.on('exit', resolve));
		const browser = await devTools('Chromium DevTools', DEBUG_PORT);
		const page = await waitFor('a page', () =>
			browser
				.contexts()
				.flatMap((c) => c.pages())
				.find((p) => p.url().startsWith('https://') || p.url().startsWith('chrome-error:'))
		);
		return {
			page,
			close: async () => {
				await browser.close().catch(() => {});
				launcher.kill('SIGTERM');
				await exited;
			}
		};
	};
	try {
		const trusted = await open({ TLS_CERT: cert });
		await trusted.page.locator('html[data-hydrated]').waitFor();
		await expect(trusted.page).toHaveTitle(/Trạm Học Số/);
		await trusted.close();

		// Without the pin the same certificate is refused: the pin is what makes it work.
		const untrusted = await open({ TLS_CERT: '' });
		// Chromium's certificate error page, once it has settled, instead of the app.
		await expect.poll(() => untrusted.page.title()).not.toBe('');
		expect(await untrusted.page.title()).not.toMatch(/Trạm Học Số/);
		expect(await untrusted.page.locator('html[data-hydrated]').count()).toBe(0);
		await untrusted.close();
	} finally {
		server.kill('SIGTERM');
	}
});

test('the browser unit’s own command — cage, the launcher, Chromium on Wayland — shows the app', async () => {
	// Exactly the ExecStart of tram-hoc-so-browser.service, with the launcher copied where an
	// unprivileged user can read it. cage refuses to run as root, as the unit never does.
	const unit = readFileSync(join(KIOSK, 'systemd/tram-hoc-so-browser.service'), 'utf8');
	const execStart = /^ExecStart=(.+)$/m.exec(unit)![1].split(' ');
	expect(execStart.slice(0, 3)).toEqual(['/usr/bin/cage', '-d', '--']);
	const home = tempDir('cage');
	const launcher = join(home, 'launch-browser.sh');
	copyFileSync(LAUNCHER, launcher);
	chmodSync(home, 0o755);
	chmodSync(launcher, 0o755);
	if (asRoot) chownSync(home, 65534, 65534);
	const command = execStart.map((part) => (part.endsWith('/launch-browser.sh') ? launcher : part));
	const asUser = asRoot
		? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--']
		: [];
	const [program, ...args] = [...asUser, ...command];
	const cage = spawn(program, args, {
		env: {
			...process.env,
			HOME: home,
			XDG_RUNTIME_DIR: home,
			// wlroots without a screen: a headless output drawn in software.
			WLR_BACKENDS: 'headless',
			WLR_RENDERER: 'pixman',
			WLR_LIBINPUT_NO_DEVICES: '1',
			KIOSK_URL: `${BASE_URL}/`,
			KIOSK_PROFILE_DIR: join(home, 'profile'),
			KIOSK_DEBUG_PORT: String(DEBUG_PORT + 2)
		},
		stdio: 'ignore'
	});
	const exited = new Promise((resolve) => cage.on('exit', resolve));
	try {
		const browser = await devTools('Chromium under cage', DEBUG_PORT + 2);
		const page = await waitFor('the kiosk page', () =>
			browser
				.contexts()
				.flatMap((c) => c.pages())
				.find((p) => p.url().startsWith(BASE_URL))
		);
		await page.locator('html[data-hydrated]').waitFor();
		await expect(page).toHaveTitle(/Trạm Học Số/);
		// It runs on Wayland, as on the terminal, not in headless mode.
		expect(await page.evaluate(() => navigator.userAgent)).not.toContain('Headless');
		await page.screenshot({ path: test.info().outputPath('cage.png') });
		await browser.close().catch(() => {});
	} finally {
		cage.kill('SIGTERM');
	}
	await exited;
	await expect
		.poll(() => run('pgrep', ['-f', `remote-debugging-port=${DEBUG_PORT + 2}`]).stdout.trim())
		.toBe('');
});
