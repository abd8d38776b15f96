import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { isProblem } from '$lib/server/http/problem';
import { listAccounts } from '$lib/server/repositories/users';
import { knownAuditActions, parseAuditQuery, readAudit } from '$lib/server/services/audit';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load = (({ locals, url }) => {
	const actor = requireRole(locals.actor, 'officer');
	const store = getApp().store;
	const params = new URLSearchParams(url.searchParams);
	params.set('limit', String(PAGE_SIZE));
	params.delete('format');
	let problem: string | null = null;
	let entries: ReturnType<typeof readAudit> = [];
	try {
		entries = readAudit(actor, store, parseAuditQuery(params));
	} catch (error) {
		if (!isProblem(error)) throw error;
		problem = error.message;
	}
	const query = Object.fromEntries(
		['actor', 'subject', 'action', 'from', 'to'].map((k) => [k, url.searchParams.get(k) ?? ''])
	);
	return {
		entries,
		problem,
		query,
		more: entries.length === PAGE_SIZE ? entries[entries.length - 1].id : null,
		actions: knownAuditActions(store),
		users: listAccounts(store.db, Date.now()).map((u) => ({
			username: u.username,
			displayName: u.displayName
		}))
	};
}) satisfies PageServerLoad;
