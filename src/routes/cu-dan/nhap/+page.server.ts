import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readImportForm } from '$lib/server/http/import-form';
import { IMPORT_ROLES } from '$lib/domain/actor';
import { importResidents } from '$lib/server/services/import';
import type { Encoding } from '$lib/server/services/import-decode';
import type { Actions, PageServerLoad } from './$types';

const ENCODINGS = ['utf-8', 'utf-16le', 'windows-1258', 'tcvn3'];

export const load = (({ locals }) => ({
	actor: requireRole(locals.actor, ...IMPORT_ROLES)
})) satisfies PageServerLoad;

async function run(locals: App.Locals, request: Request, dryRun: boolean) {
	const actor = requireRole(locals.actor, ...IMPORT_ROLES);
	const read = await readImportForm(request);
	if (!read.ok) return fail(read.status, { message: read.message });
	const form = read.value;
	const file = form.get('file');
	// No file chosen comes as an empty one without a name; an empty file chosen is told as such.
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
		return fail(400, { message: 'Chưa chọn tệp danh sách.' });
	}
	const encoding = String(form.get('encoding') ?? '');
	const result = await importResidents(
		getApp().store,
		actor,
		{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
		{
			dryRun,
			encoding: ENCODINGS.includes(encoding) ? (encoding as Encoding) : undefined,
			consent: {
				method: String(form.get('consentMethod') ?? ''),
				takenBy: String(form.get('consentTakenBy') ?? '')
			}
		}
	);
	if (!result.ok) return fail(result.status, { message: result.message });
	return { report: result.value };
}

export const actions = {
	preview: ({ locals, request }) => run(locals, request, true),
	commit: ({ locals, request }) => run(locals, request, false)
} satisfies Actions;
