import { json } from '@sveltejs/kit';
import { listWalkthroughs } from '$lib/server/services/kiosk-lessons';
import type { RequestHandler } from './$types';

/** Public: the lesson catalogue, `{id, title, topic, steps, practiceSteps, url}` each. */
export const GET: RequestHandler = () => json(listWalkthroughs());
