// The kiosk's server entry: the built SvelteKit app (build/handler.js) behind node:http, or
// node:https when TLS_CERT and TLS_KEY name a certificate (phones need HTTPS for the camera;
// see kiosk/make-certificate.sh). `node build` keeps working too; this entry adds:
//  - the request's real protocol, so cookies and SvelteKit's origin check work on whatever
//    LAN name or address a device uses (adapter-node otherwise assumes https unless ORIGIN
//    is set);
//  - a graceful stop on SIGTERM/SIGINT that lets the store take its final snapshot;
//  - under systemd (NOTIFY_SOCKET set): READY=1 and a fed watchdog (kiosk/systemd.js);
//  - BODY_SIZE_LIMIT for adapter-node: its default (512 KB) refused resident lists far below
//    the 5 MB the import promises. It is set here, before build/handler.js reads it, so `npm
//    start`, the systemd unit and the tests all get it; kiosk.env may still set another value.
//  - the release's version (the RELEASE file kiosk/make-release.sh writes) in /api/health,
//    so kiosk/update.sh can tell the new release from the old one after a restart.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { startSystemdNotify } from './systemd.js';

const PROTO_HEADER = 'x-ths-proto';
process.env.PROTOCOL_HEADER ||= PROTO_HEADER;
// = MAX_IMPORT_BODY_BYTES (src/lib/server/http/guards.ts): a 5 MB list and multipart's overhead.
// Every other route stays smaller: the hooks refuse a body declared over 1 MB, JSON readers
// anything over 64 KB (src/lib/server/http/json-body.ts).
process.env.BODY_SIZE_LIMIT ||= '8M';
const releaseFile = new URL('../RELEASE', import.meta.url);
if (!process.env.APP_VERSION && existsSync(releaseFile)) {
	process.env.APP_VERSION = readFileSync(releaseFile, 'utf8').trim();
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const cert = process.env.TLS_CERT;
const key = process.env.TLS_KEY;
const secure = Boolean(cert && key);

// Both asked before the app starts: its init hook opens the data folder (and seeds a demo
// ward into an empty one). A second server on a taken port opened the live store, or seeded
// a new one, before it found out it could not listen.
const tls = secure ? { cert: readTls('TLS_CERT', cert), key: readTls('TLS_KEY', key) } : undefined;
await portFree();

const { handler } = await import('../build/handler.js');
// The app's init hook (run by the import above) leaves a node:http fast path for check-ins
// here (src/lib/server/http/checkin-fast-path.ts); it answers true when it took the request.
/** @type {((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined} */
const fastPath = /** @type {any} */ (globalThis)[Symbol.for('tram-hoc-so.fast-path')];

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function app(req, res) {
	// Overwrite whatever a client sent: only the socket knows the protocol.
	req.headers[PROTO_HEADER] = secure ? 'https' : 'http';
	// Stopping: this answer is the connection's last (see stop()).
	if (stopping) res.setHeader('connection', 'close');
	if (fastPath?.(req, res)) return;
	// A body answered without being read (a 413, a refusal before the route reads it) is read
	// off the wire and dropped once the answer is out, as node:http does for a body nobody
	// listened to. adapter-node listens from the start, so node:http leaves it, and the next
	// request on that keep-alive connection met the leftover bytes: ECONNRESET, not an answer.
	res.once('finish', () => {
		if (req.complete) return;
		req.removeAllListeners('data');
		req.resume();
	});
	handler(req, res);
}

/** A TLS file that is missing or unreadable (a wrong path in kiosk.env, a key only root may read). */
function readTls(name, path) {
	try {
		return readFileSync(path);
	} catch (error) {
		console.error(
			`Cannot read ${name}=${path} (${/** @type {NodeJS.ErrnoException} */ (error).code}): make it with kiosk/make-certificate.sh and check the path; on the terminal the ths-server user must be able to read it (README: HTTPS trên máy trạm).`
		);
		process.exit(1);
	}
}

const server = tls ? https.createServer(tls, app) : http.createServer(app);
server.on('error', cannotListen);

/**
 * Resolves once `port` can be had (it is let go again at once); otherwise says why and exits.
 * @returns {Promise<void>}
 */
function portFree() {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', cannotListen);
		probe.listen(port, host, () => probe.close(() => resolve()));
	});
}

/**
 * A port another program holds, or one below 1024 without root: one line saying what to do
 * (it ended in a stack trace).
 * @param {NodeJS.ErrnoException} error
 */
function cannotListen(error) {
	const where = `${host}:${port}`;
	if (error.code === 'EADDRINUSE') {
		console.error(
			`Port ${port} is already in use (${where}): stop the program holding it, or choose another port, e.g. PORT=3001 npm start (on the terminal: PORT= in /etc/tram-hoc-so/kiosk.env).`
		);
	} else if (error.code === 'EACCES') {
		console.error(
			`Not allowed to open port ${port} (${where}): ports below 1024 need root. Use 1024 or above, e.g. PORT=3000.`
		);
	} else {
		console.error(`Cannot listen on ${where}: ${error.message}`);
	}
	process.exit(1);
}

let stopNotify = async () => {};
server.listen(port, host, () => {
	console.log(`Listening on ${secure ? 'https' : 'http'}://${host}:${port}`);
	stopNotify = startSystemdNotify({ host, port, secure });
});

let stopping = false;
function stop(reason) {
	if (stopping) return;
	stopping = true;
	void stopNotify();
	server.close(() => {
		// The app's init hook listens for this to take the final snapshot, then closes.
		process.emit('sveltekit:shutdown', reason);
	});
	// server.close() waits for every connection, and shuts only those idle at that moment. A
	// staff page's connections were not idle for long: a stream just ended, its page asking
	// again, a poll; each kept the stop waiting for the 10-s cut (an update's restart, every
	// restart with a phone on a class page). So: each answer from now on closes its connection,
	// and a connection that falls idle is closed within a tenth of a second.
	server.closeIdleConnections();
	setInterval(() => server.closeIdleConnections(), 100).unref();
	setTimeout(() => server.closeAllConnections(), 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
