import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readImportForm } from '$lib/server/http/import-form';
import { IMPORT_ROLES } from '$lib/domain/actor';
import { importResidents } from '$lib/server/services/import';
import { problemsLine } from '$lib/server/services/people';
import { encodingNamed } from '$lib/server/services/import-decode';
import type { Actions, PageServerLoad } from './$types';

/**
 * The consent fields' problems in the words of the new-resident form (checkConsent): the
 * import service's one sentence names the API's fields too ("consentTakenBy"), which a head
 * filling in this form never sees.
 */
const CONSENT_WORDS: Record<string, string> = {
	consentMethod: 'Xin chọn cách người dân đồng ý (giấy, lời nói, giám hộ).',
	consentTakenBy: 'Xin ghi tên người nhận sự đồng ý (2–100 ký tự).'
};

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
		return fail(400, {
			message: problemsLine(1),
			errors: { file: 'Chưa chọn tệp danh sách. Bấm vào ô trên để chọn tệp CSV hoặc XLSX.' }
		});
	}
	const encoding = String(form.get('encoding') ?? '');
	const result = await importResidents(
		getApp().store,
		actor,
		{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
		{
			dryRun,
			encoding: encodingNamed(encoding),
			consent: {
				method: String(form.get('consentMethod') ?? ''),
				takenBy: String(form.get('consentTakenBy') ?? '')
			}
		}
	);
	if (!result.ok) {
		// Consent left blank on an import is said under its field, in the form's words.
		const fields = (result.problems ?? []).map((p) => p.field).filter((f) => f in CONSENT_WORDS);
		if (fields.length === 0) return fail(result.status, { message: result.message });
		const errors = Object.fromEntries(fields.map((f) => [f, CONSENT_WORDS[f]]));
		return fail(result.status, { message: problemsLine(fields.length), errors });
	}
	// A preview goes on without consent and says so in its report; the fields say it too.
	const missing = result.value.consentProblem?.fields.filter((f) => f in CONSENT_WORDS) ?? [];
	return {
		report: result.value,
		errors: Object.fromEntries(missing.map((f) => [f, CONSENT_WORDS[f]]))
	};
}

export const actions = {
	preview: ({ locals, request }) => run(locals, request, true),
	commit: ({ locals, request }) => run(locals, request, false)
} satisfies Actions;
