import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { IMPORT_ROLES } from '$lib/domain/actor';
import { isDryRun, readImportForm } from '$lib/server/http/import-form';
import { importResidents } from '$lib/server/services/import';
import { encodingNamed } from '$lib/server/services/import-decode';
import { errorResponse } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

/** A text field of the form; undefined when it was not sent or left empty. */
const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

/**
 * Multipart `file` (CSV or XLSX); `?dryRun=1` previews without storing (any value but `0` or
 * `false` does: see isDryRun). Required: `consentMethod` (paper, verbal, guardian) and
 * `consentTakenBy`; optional `consentAt` (ISO 8601, default now), `encoding`.
 * → `{imported, duplicates, errors, rows}`; a list with any bad row imports nothing (422);
 * without consent nothing is imported (400 consent_required) and a preview says so
 * (`consentProblem`).
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
	const dryRun = isDryRun(url.searchParams, form);
	const result = await importResidents(
		getApp().store,
		actor,
		{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
		{
			dryRun,
			encoding: encodingNamed(encoding),
			// As sent, never filled in: consent is recorded by the person who took it, not
			// assumed (it once defaulted to "paper" and the signed-in officer's name).
			consent: {
				method: field(form, 'consentMethod'),
				takenBy: field(form, 'consentTakenBy'),
				at: field(form, 'consentAt')
			}
		}
	);
	if (!result.ok) {
		// Which fields were missing or wrong, for a client to point at (consent_required).
		if (!result.problems) return errorResponse(result);
		const { status, reason, message, problems } = result;
		return json(
			{ status: 'error', reason, message, fields: problems.map((p) => p.field) },
			{ status }
		);
	}
	const status = result.value.errors.length > 0 ? 422 : dryRun ? 200 : 201;
	return json(result.value, { status });
};
