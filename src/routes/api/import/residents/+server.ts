import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { IMPORT_ROLES } from '$lib/domain/actor';
import { isDryRun, readImportForm } from '$lib/server/http/import-form';
import { importResidents } from '$lib/server/services/import';
import type { Encoding } from '$lib/server/services/import-decode';
import { errorResponse } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

const ENCODINGS: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3'];

/**
 * Multipart `file` (CSV or XLSX); `?dryRun=1` previews without storing (any value but `0` or
 * `false` does: see isDryRun). Optional fields
 * `consentMethod`, `consentTakenBy`, `encoding`. → `{imported, duplicates, errors, rows}`;
 * a list with any bad row imports nothing (422).
 */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const actor = requireRole(locals.actor, ...IMPORT_ROLES);
	const read = await readImportForm(request);
	if (!read.ok) return errorResponse(read);
	const form = read.value;
	const file = form.get('file');
	if (!(file instanceof File)) {
		return errorResponse({
			status: 400,
			reason: 'missing_file',
			message: 'Chưa chọn tệp danh sách.'
		});
	}
	const encoding = String(form.get('encoding') ?? url.searchParams.get('encoding') ?? '');
	const dryRun = isDryRun(url.searchParams);
	const result = await importResidents(
		getApp().store,
		actor,
		{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
		{
			dryRun,
			encoding: ENCODINGS.includes(encoding as Encoding) ? (encoding as Encoding) : undefined,
			consent: {
				method: String(form.get('consentMethod') || 'paper'),
				takenBy: String(form.get('consentTakenBy') || actor.displayName)
			}
		}
	);
	if (!result.ok) return errorResponse(result);
	const status = result.value.errors.length > 0 ? 422 : dryRun ? 200 : 201;
	return json(result.value, { status });
};
