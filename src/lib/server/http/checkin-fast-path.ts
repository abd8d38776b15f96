import { isHttpError } from '@sveltejs/kit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../../domain/actor';
import { getApp } from '../app';
import { accessFor, requireRole } from '../auth/access';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions';
import { CHECKIN_ROLES, checkIn } from '../services/checkin';
import {
	apiRefusal,
	bodyTooLarge,
	rateLimit,
	SECURITY_HEADERS,
	sessionHeaders,
	tooMany
} from './guards';
import { MAX_JSON_BYTES, parseJsonObject, refusalBody, TOO_LARGE, UNREADABLE } from './json-body';
import { DISK_FULL_RETRY, storeRefusal } from './problem';

/**
 * `POST /api/checkins` answered straight on node:http (kiosk/server.js asks this first).
 *
 * Why: every request through SvelteKit becomes a WHATWG Request with a ReadableStream body,
 * an AbortSignal and a Response that is copied back onto node's socket. That machinery alone
 * caps this machine at ~5,000 answers a second with no work done, and it was half of the
 * check-in's cost; a volunteer's burst of offline scans and the check-in throughput target
 * (issue 4) need the rest. Only the hot path is here: the same guards, in the same order as
 * the `handle` hook, from the same functions (limits, session, access table, role, JSON
 * rules, the check-in service), so a rule still lives in one place. Anything unusual (not
 * JSON, a body too large for any route, a proxy's address header) is left to SvelteKit,
 * whose route at src/routes/api/checkins gives the same answers; `node build` uses only it.
 */
export function checkinFastPath(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.method !== 'POST') return false;
	const url = req.url ?? '';
	const path = url.includes('?') ? url.slice(0, url.indexOf('?')) : url;
	if (path !== '/api/checkins') return false;
	if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return false;
	if (process.env.ADDRESS_HEADER) return false;
	const declared = Number(req.headers['content-length'] ?? 0);
	if (bodyTooLarge('POST', path, declared)) return false;

	const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
	const limited = rateLimit('POST', path, req.socket.remoteAddress ?? '', token);
	if (!limited.ok) {
		void sendResponse(res, tooMany(limited.retryAfterSeconds), false);
		return true;
	}
	const actor = actorForToken(getApp().store, token);
	const access = accessFor(path, actor);
	if (access !== 'allow') {
		const refusal = apiRefusal(access);
		sendJson(res, refusal.status, refusal.body, actor !== null);
		return true;
	}
	const signedIn = actor !== null;
	let who: Actor;
	try {
		who = requireRole(actor, ...CHECKIN_ROLES);
	} catch (error) {
		sendError(res, error, signedIn);
		return true;
	}
	readBody(req, (text) => {
		if (text === undefined)
			return sendJson(res, UNREADABLE.status, refusalBody(UNREADABLE), signedIn);
		if (declared > MAX_JSON_BYTES || text === null) {
			return sendJson(res, TOO_LARGE.status, refusalBody(TOO_LARGE), signedIn);
		}
		const parsed = parseJsonObject(text);
		if (!parsed.ok) return sendJson(res, parsed.status, refusalBody(parsed), signedIn);
		checkIn(getApp().store, who, parsed.value).then(
			(answer) => sendJson(res, answer.status, answer.body, signedIn),
			(error) => sendError(res, error, signedIn)
		);
	});
	return true;
}

/** The body as text; null when it is over MAX_JSON_BYTES, undefined when it broke off. */
function readBody(req: IncomingMessage, done: (text: string | null | undefined) => void): void {
	const chunks: Buffer[] = [];
	let size = 0;
	req.on('data', (chunk: Buffer) => {
		size += chunk.length;
		if (size <= MAX_JSON_BYTES) chunks.push(chunk);
	});
	req.on('end', () => {
		if (size > MAX_JSON_BYTES) return done(null);
		// Like Request.text(): UTF-8, a byte-order mark dropped.
		done(
			Buffer.concat(chunks)
				.toString('utf8')
				.replace(/^\uFEFF/, '')
		);
	});
	req.on('error', () => done(undefined));
}

/** The first cookie of that name, as SvelteKit's cookie parser reads it. */
function cookieValue(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
		let value = part.slice(eq + 1).trim();
		if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
		// Like the `cookie` package SvelteKit uses: decoded only when there is something to decode.
		if (!value.includes('%')) return value;
		try {
			return decodeURIComponent(value);
		} catch {
			return value;
		}
	}
	return undefined;
}

function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	signedIn: boolean,
	extra: Record<string, string> = {}
): void {
	const text = JSON.stringify(body);
	// The same headers as `secure()` in guards.ts puts on every SvelteKit answer.
	res.writeHead(status, {
		...extra,
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(text)),
		...SECURITY_HEADERS,
		...sessionHeaders(signedIn)
	});
	res.end(text);
}

/** A refusal made as a web Response by the shared guards (rare: only limits). */
async function sendResponse(res: ServerResponse, response: Response, signedIn: boolean) {
	const extra = Object.fromEntries(response.headers);
	sendJson(res, response.status, await response.json(), signedIn, extra);
}

/** As the route would: a refusal thrown by a rule, or a fault logged and told in Vietnamese. */
function sendError(res: ServerResponse, error: unknown, signedIn: boolean): void {
	// The API's one refusal shape, as the hooks give the SvelteKit route (http/api-errors.ts).
	if (isHttpError(error)) {
		const { reason = 'forbidden', message } = error.body;
		return sendJson(res, error.status, { status: 'error', reason, message }, signedIn);
	}
	// The disk is full: the store said so once in the log; each scan is told, not logged.
	const refused = storeRefusal(error);
	if (refused) {
		const { status, reason, message } = refused;
		return sendJson(res, status, { status: 'error', reason, message }, signedIn, DISK_FULL_RETRY);
	}
	console.error('POST /api/checkins:', error);
	sendJson(
		res,
		500,
		{
			status: 'error',
			reason: 'internal',
			message: 'Có lỗi ở máy chủ. Xin bác thử lại sau ít phút.'
		},
		signedIn
	);
}

/** Where kiosk/server.js finds the fast path (it imports the build, not this module). */
export const FAST_PATH_KEY = Symbol.for('tram-hoc-so.fast-path');

export function exposeFastPath(): void {
	(globalThis as Record<symbol, unknown>)[FAST_PATH_KEY] = checkinFastPath;
}
