import { json } from '@sveltejs/kit';

/** Larger JSON bodies than this are refused: no legitimate request of ours comes close. */
export const MAX_JSON_BYTES = 64 * 1024;

export type JsonBody =
	{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

const fail = (status: number, reason: string, message: string): JsonBody => ({
	ok: false,
	response: json({ status: 'error', reason, message }, { status })
});

/**
 * Reads a request body that must be one JSON object. Anything else (too big, not JSON, an
 * array, a string) is a 4xx with a reason, never a 500.
 */
export async function readJsonObject(request: Request): Promise<JsonBody> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_JSON_BYTES) return fail(413, 'too_large', 'Dữ liệu gửi lên quá lớn.');
	let text: string;
	try {
		text = await request.text();
	} catch {
		return fail(400, 'malformed', 'Không đọc được dữ liệu gửi lên.');
	}
	if (Buffer.byteLength(text) > MAX_JSON_BYTES) {
		return fail(413, 'too_large', 'Dữ liệu gửi lên quá lớn.');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return fail(400, 'malformed', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return fail(400, 'malformed', 'Dữ liệu gửi lên phải là một đối tượng JSON.');
	}
	return { ok: true, value: value as Record<string, unknown> };
}
