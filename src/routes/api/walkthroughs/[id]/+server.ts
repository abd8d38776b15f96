import { json } from '@sveltejs/kit';
import { lessonPage } from '$lib/server/services/kiosk-lessons';
import type { RequestHandler } from './$types';

/** Public: one whole lesson (its content is public teaching material). */
export const GET: RequestHandler = ({ params }) => {
	const page = lessonPage(params.id);
	if (!page) {
		return json(
			{ status: 'error', reason: 'not_found', message: 'Không có bài học này.' },
			{ status: 404 }
		);
	}
	return json(page.lesson);
};
