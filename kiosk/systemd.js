// systemd integration for `Type=notify` + `WatchdogSec=` (kiosk/systemd/tram-hoc-so.service).
// Only active when systemd started us: NOTIFY_SOCKET is set. Node has no AF_UNIX datagram
// sockets, so messages go through systemd-notify(1); it waits until systemd has processed
// each message (sd_notify_barrier), which is why the unit says NotifyAccess=all — the sender
// is a short-lived child, not the main process.
//
// The watchdog is fed only after the server answered its own /api/health: a wedged event
// loop, a store that refuses writes, or a hung HTTP stack all stop the feeding, and systemd
// then kills and restarts the server (Restart=always), which recovers the store from disk.
import { execFile } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';

const NOTIFY = process.env.SYSTEMD_NOTIFY || 'systemd-notify';

/**
 * Sends `KEY=value` lines to systemd. Resolves false (never throws) when it could not.
 * @param {...string} assignments
 * @returns {Promise<boolean>}
 */
export function notify(...assignments) {
	if (!process.env.NOTIFY_SOCKET) return Promise.resolve(false);
	return new Promise((resolve) => {
		execFile(NOTIFY, assignments, { timeout: 5_000 }, (error) => {
			if (error) console.error(`systemd-notify ${assignments.join(' ')} failed: ${error.message}`);
			resolve(!error);
		});
	});
}

/**
 * GET /api/health on our own socket; true when it answers 200 with `ok: true` in time.
 * @param {{ host?: string, port: number, secure: boolean, timeoutMs: number }} options
 * @returns {Promise<boolean>}
 */
export function selfCheck({ host, port, secure, timeoutMs }) {
	const client = secure ? https : http;
	return new Promise((resolve) => {
		const request = client.get(
			{
				// A wildcard listener answers on loopback; a specific address only on itself.
				host: !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host,
				port,
				path: '/api/health',
				timeout: timeoutMs,
				// Our own certificate is usually self-made for the LAN: it is us we are asking.
				rejectUnauthorized: false
			},
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (body += chunk));
				response.on('end', () => {
					try {
						resolve(response.statusCode === 200 && JSON.parse(body).ok === true);
					} catch {
						resolve(false);
					}
				});
			}
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', () => resolve(false));
	});
}

/**
 * READY=1 once the server answers its health check, then WATCHDOG=1 every half watchdog
 * period while it keeps answering. Returns a function that sends STOPPING=1 and stops.
 * @param {{ host?: string, port: number, secure: boolean }} options
 * @returns {() => Promise<void>}
 */
export function startSystemdNotify({ host, port, secure }) {
	if (!process.env.NOTIFY_SOCKET) return async () => {};
	const watchdogUsec = Number(process.env.WATCHDOG_USEC || 0);
	const watchdogPid = Number(process.env.WATCHDOG_PID || process.pid);
	const feeds = watchdogUsec > 0 && watchdogPid === process.pid;
	const periodMs = feeds ? Math.max(200, watchdogUsec / 1000 / 2) : 1_000;
	let stopped = false;
	let ready = false;
	/** @type {NodeJS.Timeout | undefined} */
	let timer;

	const tick = async () => {
		const healthy = await selfCheck({ host, port, secure, timeoutMs: Math.max(100, periodMs / 2) });
		if (stopped) return;
		if (healthy && !ready) {
			ready = await notify('READY=1', `STATUS=Đang phục vụ ở cổng ${port}`);
		} else if (healthy && feeds) {
			await notify('WATCHDOG=1');
		} else if (!healthy) {
			console.error('watchdog: /api/health did not answer ok; not feeding the watchdog');
		}
		if (!stopped && (feeds || !ready)) timer = setTimeout(tick, periodMs);
	};
	timer = setTimeout(tick, 0);

	return async () => {
		stopped = true;
		clearTimeout(timer);
		await notify('STOPPING=1', 'STATUS=Đang lưu dữ liệu lần cuối');
	};
}
