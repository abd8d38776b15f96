import { isHttpError, json } from '@sveltejs/kit';
import { DiskFullError } from '../store/store';

/**
 * A refusal a person or program can act on: an HTTP status, a stable English reason code and
 * a Vietnamese sentence. Services and op handlers throw it; routes turn it into the error JSON
 * (`{"status":"error","reason","message"}`) or a form failure.
 */
export class Problem extends Error {
	constructor(
		readonly status: number,
		readonly reason: string,
		message: string,
		/** The form field it is about, when there is one (for showing it next to the field). */
		readonly field?: string
	) {
		super(message);
		this.name = 'Problem';
	}
}

export const isProblem = (error: unknown): error is Problem => error instanceof Problem;

/** How long a client waits before sending a write refused for a full disk again. */
export const DISK_FULL_RETRY = { 'retry-after': '30' };

/**
 * A write the store refused because the disk is full (DiskFullError): nothing of it was kept,
 * and it goes through once space is freed. A 503, so that a phone keeps its unsent scans and
 * sends them again (components/checkin/queue-sender.ts keeps anything answered 5xx), with
 * words an officer can act on, where a 500 only said "server error".
 */
export function storeRefusal(error: unknown): Problem | undefined {
	if (!(error instanceof DiskFullError)) return undefined;
	return new Problem(
		503,
		'disk_full',
		'Máy chủ chưa lưu được vì ổ đĩa đã đầy. Xin báo cán bộ phường dọn bớt chỗ trống rồi thử lại; lượt quét chưa gửi được vẫn giữ trên máy và tự gửi lại sau.'
	);
}

export function problemJson(problem: Problem, headers?: HeadersInit): Response {
	return json(
		{
			status: 'error',
			reason: problem.reason,
			message: problem.message,
			...(problem.field ? { field: problem.field } : {})
		},
		{ status: problem.status, headers }
	);
}

const REASON_BY_STATUS: Record<number, string> = {
	400: 'invalid',
	401: 'unauthenticated',
	403: 'forbidden',
	404: 'not_found'
};

/**
 * Runs an endpoint body. A Problem, or Kit's `error()` (e.g. from requireRole), becomes the
 * error JSON; anything else propagates to handleError (a 500 without details).
 */
export async function answer(run: () => Promise<Response> | Response): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (isProblem(error)) return problemJson(error);
		const refused = storeRefusal(error);
		if (refused) return problemJson(refused, DISK_FULL_RETRY);
		if (isHttpError(error)) {
			const reason = error.body.reason ?? REASON_BY_STATUS[error.status] ?? 'error';
			return problemJson(new Problem(error.status, reason, error.body.message));
		}
		throw error;
	}
}

/** A positive integer id from a route parameter, or a 404 Problem (never NaN into SQL). */
export function idParam(raw: string | undefined, what = 'mục này'): number {
	const id = /^[1-9]\d{0,14}$/.test(raw ?? '') ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id)) throw new Problem(404, 'not_found', `Không tìm thấy ${what}.`);
	return id;
}
