import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyTooLarge, MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES } from './guards';
import { readImportForm } from './import-form';
import { MAX_JSON_BYTES, readJsonObject } from './json-body';

const TOO_BIG = {
	reason: 'too_large',
	message: 'Tệp lớn hơn 5 MB. Xin chia danh sách thành vài tệp nhỏ hơn rồi nhập lần lượt.'
};

/** A body that yields `chunks` pieces of `size` bytes, then fails as adapter-node's limit does. */
function stream(chunks: number, size: number, failWith?: unknown) {
	let pulled = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled < chunks) {
				pulled++;
				controller.enqueue(new Uint8Array(size).fill(0x20));
			} else if (failWith) controller.error(failWith);
			else controller.close();
		}
	});
	return { body, pulled: () => pulled };
}

/** What adapter-node throws into a body's stream once BODY_SIZE_LIMIT is passed. */
const payloadTooLarge = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), {
	status: 413
});

const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
	new Request('http://127.0.0.1/api/import/residents', {
		method: 'POST',
		body,
		headers,
		duplex: 'half'
	} as RequestInit);

describe('the server’s body limit', () => {
	it('kiosk/server.js gives adapter-node the import’s limit, not its 512 KB default', () => {
		const source = readFileSync(new URL('../../../../kiosk/server.js', import.meta.url), 'utf8');
		const set = /process\.env\.BODY_SIZE_LIMIT \|\|= '(\d+)M'/.exec(source);
		expect(Number(set?.[1]) * 1024 * 1024).toBe(MAX_IMPORT_BODY_BYTES);
		// Before handler.js is imported: adapter-node reads the variable once, as it loads.
		expect(source.indexOf('BODY_SIZE_LIMIT ||=')).toBeLessThan(
			source.indexOf("import('../build/handler.js')")
		);
	});

	it('lets a 1 MB list through the hooks, on the API and on the officer’s page', () => {
		const list = 1_060_000;
		expect(bodyTooLarge('POST', '/api/import/residents', list)).toBeNull();
		expect(bodyTooLarge('POST', '/cu-dan/nhap', list)).toBeNull();
	});

	it('refuses an oversized list as a file too big, other bodies as before', async () => {
		for (const path of ['/api/import/residents', '/cu-dan/nhap']) {
			const refused = bodyTooLarge('POST', path, MAX_IMPORT_BODY_BYTES + 1)!;
			expect(refused.status).toBe(413);
			expect(await refused.json()).toEqual({ status: 'error', ...TOO_BIG });
		}
		const json = bodyTooLarge('POST', '/api/users', MAX_BODY_BYTES + 1)!;
		expect(json.status).toBe(413);
		expect(await json.json()).toEqual({
			status: 'error',
			reason: 'too_large',
			message: 'Dữ liệu gửi lên quá lớn.'
		});
	});
});

describe('reading an import’s form', () => {
	it('reads a list of about 1 MB', async () => {
		const form = new FormData();
		form.set('file', new File([new Uint8Array(1_060_000).fill(0x41)], 'ds.csv'));
		const read = await readImportForm(post(form));
		expect(read.ok && (read.value.get('file') as File).size).toBe(1_060_000);
	});

	it('says a body too big while read is a file too big (413), not "not multipart"', async () => {
		const { body } = stream(4, 1024, payloadTooLarge);
		const read = await readImportForm(
			post(body, { 'content-type': 'multipart/form-data; boundary=x' })
		);
		expect(read).toEqual({ ok: false, status: 413, ...TOO_BIG });
	});

	it('refuses a body declared over 5 MB before reading it', async () => {
		const request = post(stream(1, 10).body, {
			'content-type': 'multipart/form-data; boundary=x',
			'content-length': String(6 * 1024 * 1024)
		});
		expect(await readImportForm(request)).toEqual({ ok: false, status: 413, ...TOO_BIG });
		expect(request.bodyUsed).toBe(false);
	});

	it('still calls a body that is not multipart malformed (400)', async () => {
		const read = await readImportForm(post('hello', { 'content-type': 'text/plain' }));
		expect(read).toMatchObject({ ok: false, status: 400, reason: 'malformed' });
	});
});

describe('a JSON body elsewhere', () => {
	it('is refused (413) past 64 KB without a Content-Length, under the 8 MB server limit', async () => {
		const { body } = stream(200, 16 * 1024);
		const read = await readJsonObject(post(body, { 'content-type': 'application/json' }));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.response.status).toBe(413);
		expect((await read.response.json()).reason).toBe('too_large');
		// Just under the limit, in pieces and without a length: read as before.
		const text = `{"a":"${'y'.repeat(MAX_JSON_BYTES - 8)}"}`;
		const pieces = new Blob([text]).stream();
		const under = await readJsonObject(post(pieces, { 'content-type': 'application/json' }));
		expect(under.ok && String(under.value.a).length).toBe(MAX_JSON_BYTES - 8);
	});

	it('is refused (413) when the server’s limit stops it, and read as before otherwise', async () => {
		const { body } = stream(1, 10, payloadTooLarge);
		const read = await readJsonObject(post(body, { 'content-type': 'application/json' }));
		expect(!read.ok && read.response.status).toBe(413);
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"Hà"}')]);
		expect(await readJsonObject(post(bom))).toEqual({ ok: true, value: { a: 'Hà' } });
	});
});
