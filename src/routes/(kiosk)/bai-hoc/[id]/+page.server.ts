import { error } from '@sveltejs/kit';
import { lessonPage } from '$lib/server/services/kiosk-lessons';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => {
	const page = lessonPage(params.id);
	if (!page) error(404, 'Không có bài học này');
	return page;
}) satisfies PageServerLoad;
