import { MAX_IMPORT_BYTES } from '../services/import';
import { fail, ok, type Result } from '../services/people';
import { FILE_TOO_LARGE } from './json-body';

/** Multipart's boundaries and the few small fields beside the file. */
const FORM_OVERHEAD = 64 * 1024;

const tooLarge = <T>(): Result<T> =>
	fail(FILE_TOO_LARGE.status, FILE_TOO_LARGE.reason, FILE_TOO_LARGE.message);

/**
 * Whether reading a body failed because it was too big: adapter-node errors the body's stream
 * with a 413 once BODY_SIZE_LIMIT is passed (kiosk/server.js sets it), and the FormData parser
 * passes that error on as it is (or, in other runtimes, as its cause).
 */
function isSizeError(error: unknown): boolean {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
		if ((e as { status?: unknown }).status === 413) return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}

/**
 * Reads a resident list's multipart form, for the API and the officer's page alike. A body
 * declared bigger than a 5 MB file can be is refused before it is read; one that turns out too
 * big while read (no Content-Length, or a lower BODY_SIZE_LIMIT) is refused the same way: 413
 * and "Tệp lớn hơn 5 MB", never "not multipart", which once sent people looking for a wrong
 * format when their list was merely long.
 */
export async function readImportForm(request: Request): Promise<Result<FormData>> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_IMPORT_BYTES + FORM_OVERHEAD) return tooLarge();
	try {
		return ok(await request.formData());
	} catch (error) {
		if (isSizeError(error)) {
			console.warn(
				`import: body refused as too large (${declared || 'no'} declared bytes): ${String(error)}`
			);
			return tooLarge();
		}
		return fail(400, 'malformed', 'Cần gửi tệp dạng multipart, trường "file".');
	}
}

/**
 * `?dryRun` (or a form field of that name): a preview unless it is absent, `0` or `false` (any case). Any other value, `TRUE`,
 * `yes`, `on` (what a checkbox sends), even a typo, previews: a client that asked for a dry run
 * in words we did not foresee must never have its list stored, and the answer says what it
 * got (200 and `"dryRun": true`, not 201). Refusing unknown values would be safe too, but
 * would fail clients whose meaning is plain. Repeated, any preview value wins.
 */
export function isDryRun(params: URLSearchParams, form?: FormData): boolean {
	// Spelt as a script might (dryrun, dry_run, DRY-RUN), in the address or as a form field:
	// a preview asked for under a name we did not foresee was once a real import.
	const values = [...params, ...(form ? [...form] : [])]
		.filter(([name]) => name.toLowerCase().replace(/[-_]/g, '') === 'dryrun')
		.map(([, value]) => (typeof value === 'string' ? value : ''));
	return values.some((v) => !['0', 'false'].includes(v.trim().toLowerCase()));
}
