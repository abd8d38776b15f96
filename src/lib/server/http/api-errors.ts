import { json } from '@sveltejs/kit';

/** Words for the refusals SvelteKit makes itself, before any of our code runs. */
const KIT_REFUSALS: Record<number, { reason: string; message: string }> = {
	401: { reason: 'unauthenticated', message: 'Cần đăng nhập' },
	403: { reason: 'forbidden', message: 'Tài khoản này không có quyền làm việc này' },
	404: { reason: 'not_found', message: 'Không có địa chỉ API này.' },
	405: { reason: 'method_not_allowed', message: 'Địa chỉ này không nhận cách gửi này.' }
};

/**
 * Every refusal under /api/ has the one shape the API promises: JSON
 * `{"status":"error","reason","message"}`. Routes answer so already (or with a body of their
 * own contract); this mends the rest: an `error()` thrown by a guard (`{message, reason}`, no
 * status), and SvelteKit's own 404 page and plain-text 405 for an address or method no route has.
 */
export async function asApiError(response: Response): Promise<Response> {
	if (response.status < 400) return response;
	const type = response.headers.get('content-type') ?? '';
	if (type.startsWith('application/json')) {
		const body: unknown = await response
			.clone()
			.json()
			.catch(() => null);
		// Only an error() body is mended ({message, reason?}); a route's own answer, such as an
		// import's 422 {imported, duplicates, errors}, is its contract and stays as it is.
		if (!isObject(body) || 'status' in body || typeof body.message !== 'string') return response;
		const reason = typeof body.reason === 'string' ? body.reason : fallback(response.status).reason;
		return refusal(response, { reason, message: body.message });
	}
	return refusal(response, fallback(response.status));
}

function refusal(response: Response, body: { reason: string; message: string }): Response {
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.delete('content-type');
	return json({ status: 'error', ...body }, { status: response.status, headers });
}

const fallback = (status: number) =>
	KIT_REFUSALS[status] ??
	(status >= 500
		? { reason: 'internal', message: 'Có lỗi ở máy chủ. Xin thử lại sau ít phút.' }
		: { reason: 'bad_request', message: 'Yêu cầu không hợp lệ.' });

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
