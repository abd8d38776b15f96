import { error } from '@sveltejs/kit';
import { lessonPage } from '$lib/server/services/kiosk-lessons';
import type { PageServerLoad } from './$types';

/** Only what the page shows: which lesson is being recorded, and where its topic is. */
export const load = (({ params }) => {
	const page = lessonPage(params.id);
	if (!page) error(404, 'Không có bài học này');
	return { id: page.lesson.id, title: page.lesson.title, topic: page.lesson.topic };
}) satisfies PageServerLoad;
