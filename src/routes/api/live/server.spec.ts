import { beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import { login, logout } from '$lib/server/auth/sessions';
import { checkIn } from '$lib/server/services/checkin';
import { requestHelp } from '$lib/server/services/kiosk';
import { LiveNotifier } from '$lib/server/services/live';
import {
	endAllStreams,
	MAX_STREAMS_PER_USER,
	openLiveStream,
	openStreams
} from '$lib/server/services/live-streams';
import { answerHelp, closeSession, openSession } from '$lib/server/services/sessions';
import type { Actor } from '$lib/domain/actor';
import type { DataStore } from '$lib/server/store/data-store';
import { GET } from './+server';

/** GET /api/live as Kit calls it, on a demo ward: the staff pages' live channel. */
let store: DataStore;
const startedStore = demoAppForFile('ths-live-');
beforeAll(() => {
	store = startedStore();
});

async function signedIn(username: string): Promise<{ actor: Actor; token: string }> {
	const result = await login(store, username, '246810', 'test');
	if (!result.ok) throw new Error(`cannot sign ${username} in`);
	return { actor: result.actor, token: result.token };
}

function open(who: { actor: Actor | null; token?: string }, query = '', method = 'GET'): Response {
	const url = new URL(`http://127.0.0.1/api/live${query}`);
	const event = {
		locals: { actor: who.actor },
		url,
		request: new Request(url, { method }),
		cookies: { get: () => who.token }
	};
	return GET(event as unknown as Parameters<typeof GET>[0]) as Response;
}

/** Reads a stream's text until `until` shows in it (or the stream ends), for at most `ms`. */
async function readUntil(response: Response, until: RegExp, ms = 3000): Promise<string> {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	const deadline = Date.now() + ms;
	while (!until.test(text) && Date.now() < deadline) {
		const chunk = await Promise.race([
			reader.read(),
			new Promise<'late'>((r) => setTimeout(() => r('late'), deadline - Date.now()))
		]);
		if (chunk === 'late' || chunk.done) break;
		text += decoder.decode(chunk.value);
	}
	reader.releaseLock();
	return text;
}

async function newSession(actor: Actor): Promise<number> {
	const opened = await openSession(store, actor, {
		title: 'Buổi thử trực tiếp',
		startsAt: Date.now(),
		place: 'Nhà văn hoá khu phố 3',
		topic: 'thanh-toan'
	});
	if (!opened.ok) throw new Error(opened.message);
	return opened.value.id;
}

describe('the live channel', () => {
	it('says hello, then which of the class and the calls for help changed', async () => {
		const volunteer = await signedIn('tinhnguyen1');
		const sessionId = await newSession(volunteer.actor);
		const stream = open(volunteer, `?session=${sessionId}`);
		expect(stream.status).toBe(200);
		expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(await readUntil(stream, /event: hello/)).toContain('event: hello\ndata: {}\n\n');

		const card = store.db.get<{ code: string }>(
			'SELECT code FROM cards WHERE revoked_at IS NULL ORDER BY issued_at LIMIT 1'
		)!.code;
		const answer = await checkIn(store, volunteer.actor, {
			code: card,
			sessionId,
			nonce: `live-${Date.now()}`,
			source: 'camera'
		});
		expect(answer.status).toBe(201);
		expect(await readUntil(stream, /event: change/)).toBe('event: change\ndata: ["session"]\n\n');
		const { request } = await requestHelp(store);
		expect(await readUntil(stream, /event: change/)).toBe('event: change\ndata: ["help"]\n\n');
		// Taken by a volunteer: off the others' screens.
		await answerHelp(store, volunteer.actor, request.id);
		expect(await readUntil(stream, /event: change/)).toBe('event: change\ndata: ["help"]\n\n');
		// Closed: the scanners stop taking cards.
		expect((await closeSession(store, volunteer.actor, sessionId)).ok).toBe(true);
		expect(await readUntil(stream, /event: change/)).toBe('event: change\ndata: ["session"]\n\n');
		await stream.body!.cancel();
		expect(openStreams()).toBe(0);
	});

	it('refuses the anonymous and a class that does not exist', async () => {
		expect(() => open({ actor: null })).toThrow(expect.objectContaining({ status: 401 }));
		const volunteer = await signedIn('tinhnguyen2');
		for (const query of ['?session=999999', '?session=abc', '?session=-1']) {
			const refused = open(volunteer, query);
			expect(refused.status, query).toBe(404);
			expect(await refused.json()).toMatchObject({ reason: 'no_session' });
		}
		// Kit answers HEAD with GET: the headers, and no stream left open for nobody.
		const head = open(volunteer, '', 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body).toBeNull();
		expect(openStreams()).toBe(0);
	});

	it(`holds at most ${MAX_STREAMS_PER_USER} streams per account; a closed one frees its place`, async () => {
		const volunteer = await signedIn('tinhnguyen3');
		const streams = Array.from({ length: MAX_STREAMS_PER_USER }, () => open(volunteer));
		expect(streams.map((s) => s.status)).toEqual(streams.map(() => 200));
		const refused = open(volunteer);
		expect(refused.status).toBe(429);
		expect(await refused.json()).toMatchObject({ reason: 'too_many_streams' });
		// Another account is not held back by this one's.
		const other = open(await signedIn('tinhnguyen4'));
		expect(other.status).toBe(200);
		await streams[0].body!.cancel();
		const again = open(volunteer);
		expect(again.status).toBe(200);
		await Promise.all([...streams.slice(1), other, again].map((s) => s.body!.cancel()));
		expect(openStreams()).toBe(0);
	});

	it('ends the stream within a second or two of signing out', async () => {
		const volunteer = await signedIn('tinhnguyen1');
		const stream = open(volunteer);
		await readUntil(stream, /event: hello/);
		await logout(store, volunteer.token, volunteer.actor.id);
		const said = await readUntil(stream, /signed_out/, 2500);
		expect(said).toContain('event: bye\ndata: {"reason":"signed_out"}');
		expect(openStreams()).toBe(0);
	});

	it('ends a stream whose reader stopped reading (a phone gone without a word)', async () => {
		const volunteer = await signedIn('tinhnguyen2');
		const notifier = new LiveNotifier(0);
		const stream = openLiveStream(store, volunteer.actor, volunteer.token, null, notifier);
		expect(stream).toBeInstanceOf(Response);
		expect(openStreams()).toBe(1);
		// Events nobody takes off the wire pile up; a few minutes' worth of them ends it.
		for (let i = 0; i < 12 && openStreams() > 0; i++) {
			notifier.helpChanged();
			await new Promise((r) => setTimeout(r, 5));
		}
		expect(openStreams()).toBe(0);
		expect(notifier.size).toBe(0);
	});

	it('ends every stream when the server stops, and opens no new one', async () => {
		const [one, two] = [await signedIn('tinhnguyen2'), await signedIn('tinhnguyen4')];
		const streams = [open(one), open(two)];
		endAllStreams();
		for (const stream of streams) {
			// Ended: the reader gets the hello, then the end of the stream.
			const reader = stream.body!.getReader();
			let done = false;
			while (!done) done = (await reader.read()).done;
		}
		expect(openStreams()).toBe(0);
		const late = open(one);
		expect(late.status).toBe(503);
		expect(await late.json()).toMatchObject({ reason: 'stopping' });
	});
});
