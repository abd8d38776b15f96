import { error } from '@sveltejs/kit';
import { topicPage } from '$lib/server/services/kiosk-lessons';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	const page = topicPage(params.topic);
	if (!page) error(404, 'Không có chủ đề này');
	return page;
}) satisfies PageServerLoad;
