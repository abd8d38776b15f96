import { json } from '@sveltejs/kit';

/** Larger JSON bodies than this are refused: no legitimate request of ours comes close. */
export const MAX_JSON_BYTES = 64 * 1024;

/** Why a body was refused: the status, the stable reason and the Vietnamese sentence. */
export interface BodyRefusal {
	status: number;
	reason: string;
	message: string;
}

export type ParsedJson =
	{ ok: true; value: Record<string, unknown> } | ({ ok: false } & BodyRefusal);

export type JsonBody =
	{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

export const TOO_LARGE: BodyRefusal = {
	status: 413,
	reason: 'too_large',
	message: 'Dữ liệu gửi lên quá lớn.'
};
/**
 * A resident list over the import's limit (5 MB, services/import.ts): said as a file that is too
 * big, with what to do, wherever it is caught (the hooks, the route, the service).
 */
export const FILE_TOO_LARGE: BodyRefusal = {
	status: 413,
	reason: 'too_large',
	message: 'Tệp lớn hơn 5 MB. Xin chia danh sách thành vài tệp nhỏ hơn rồi nhập lần lượt.'
};
export const UNREADABLE: BodyRefusal = {
	status: 400,
	reason: 'malformed',
	message: 'Không đọc được dữ liệu gửi lên.'
};

/**
 * The rule for every JSON body: one JSON object, at most MAX_JSON_BYTES. Anything else (too
 * big, not JSON, an array, a string) is a 4xx with a reason, never a 500.
 */
export function parseJsonObject(text: string): ParsedJson {
	if (Buffer.byteLength(text) > MAX_JSON_BYTES) return { ok: false, ...TOO_LARGE };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {
			ok: false,
			status: 400,
			reason: 'malformed',
			message: 'Dữ liệu gửi lên không phải JSON hợp lệ.'
		};
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {
			ok: false,
			status: 400,
			reason: 'malformed',
			message: 'Dữ liệu gửi lên phải là một đối tượng JSON.'
		};
	}
	return { ok: true, value: value as Record<string, unknown> };
}

/** The error JSON every refusal is sent as. */
export const refusalBody = ({ reason, message }: Pick<BodyRefusal, 'reason' | 'message'>) => ({
	status: 'error',
	reason,
	message
});

const fail = (refusal: BodyRefusal): JsonBody => ({
	ok: false,
	response: json(refusalBody(refusal), { status: refusal.status })
});

/**
 * The body as text, or null when it is over `limit` bytes. The server's own limit
 * (BODY_SIZE_LIMIT) is sized for resident lists, so a JSON body sent without a Content-Length
 * is not kept past `limit`: the rest is read and dropped (up to that server limit, which then
 * ends it), not cancelled, since cancelling destroys the socket and the client would get no 413.
 */
async function readAtMost(request: Request, limit: number): Promise<string | null> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size <= limit) chunks.push(value);
	}
	if (size > limit) return null;
	// As request.text() decodes: UTF-8, a leading BOM dropped.
	return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Reads a request body that must be one JSON object (see parseJsonObject). */
export async function readJsonObject(request: Request): Promise<JsonBody> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_JSON_BYTES) return fail(TOO_LARGE);
	let text: string | null;
	try {
		text = await readAtMost(request, MAX_JSON_BYTES);
	} catch (error) {
		// adapter-node's own limit, passed while reading: too large, not unreadable.
		return fail((error as { status?: unknown })?.status === 413 ? TOO_LARGE : UNREADABLE);
	}
	if (text === null) return fail(TOO_LARGE);
	const parsed = parseJsonObject(text);
	return parsed.ok ? parsed : fail(parsed);
}
