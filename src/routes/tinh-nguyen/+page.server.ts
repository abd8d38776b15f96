import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { listWalkthroughs } from '$lib/server/services/kiosk-lessons';
import { HELP_ROLES } from '$lib/domain/actor';
import { positiveId, reasonFieldErrors } from '$lib/server/services/people';
import { listPlaces } from '$lib/server/services/residents';
import {
	answerHelp,
	closeSession,
	openSession,
	recentSessions
} from '$lib/server/services/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	return {
		actor,
		sessions: recentSessions(store),
		places: listPlaces(store),
		// A class may follow one of the kiosk's lessons: the reports count it by that lesson.
		lessons: listWalkthroughs().map(({ id, title }) => ({ id, title }))
	};
}) satisfies PageServerLoad;

/** The field of the new-class form each refusal of openSession is about (said under it). */
const OPEN_FIELDS: Record<string, string> = {
	title_too_long: 'title',
	invalid_title: 'title',
	invalid_starts_at: 'startsAt',
	unknown_place: 'place',
	unknown_topic: 'topic',
	invalid_walkthrough: 'walkthroughId',
	unknown_walkthrough: 'walkthroughId'
};

/** `datetime-local` gives Vietnam wall-clock time without a zone. */
const vnLocal = (value: string) => (value ? `${value}:00+07:00` : undefined);

export const actions = {
	open: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const form = await request.formData();
		const typed = {
			title: String(form.get('title') ?? ''),
			topic: String(form.get('topic') ?? ''),
			walkthroughId: String(form.get('walkthroughId') ?? ''),
			place: String(form.get('place') ?? ''),
			startsAtLocal: String(form.get('startsAt') ?? '')
		};
		const input = { ...typed, startsAt: vnLocal(typed.startsAtLocal) };
		// A class that does not start today is asked about first, by the server (so without
		// JavaScript too); "Mở buổi học này" sends the day it said yes to.
		const confirmedDay = String(form.get('confirmedDay') ?? '') || null;
		const result = await openSession(getApp().store, actor, input, Date.now(), { confirmedDay });
		if (!result.ok) {
			const ask = result.reason === 'confirm_start_day';
			const startDay = ask ? typed.startsAtLocal.slice(0, 10) : null;
			// The start-day question keeps its own words beside its buttons; a field's problem
			// goes under that field.
			const shown = ask
				? { message: result.message, errors: {} }
				: reasonFieldErrors(result, OPEN_FIELDS);
			return fail(result.status, { ...shown, ask, startDay, ...typed });
		}
		redirect(303, `/diem-danh/${result.value.id}`);
	},
	close: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const id = positiveId(String((await request.formData()).get('id')));
		const result = id ? await closeSession(getApp().store, actor, id) : undefined;
		if (!result?.ok) return fail(404, { message: 'Không có buổi học này.' });
		// Its title comes back with the answer: the confirmation needs no list to find it in.
		return { closed: id, closedTitle: result.value.title };
	},
	/** "Tôi đến ngay", from the staff bar's banner on any staff page (HelpBanner.svelte). */
	answer: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, ...HELP_ROLES);
		const id = positiveId(String((await request.formData()).get('id')));
		if (!id) return fail(400, { message: 'Không có yêu cầu này.' });
		const { answered, place, withdrawn } = await answerHelp(getApp().store, actor, id);
		// The volunteer reads whose call they took, that someone else was quicker, or that the
		// kiosk had withdrawn it (nobody there any more).
		return { answered: id, place, first: answered, withdrawn };
	}
} satisfies Actions;
