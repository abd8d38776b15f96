import { homeTopics } from '$lib/server/services/kiosk-lessons';
import type { PageServerLoad } from './$types';

export const load = (() => ({ topics: homeTopics() })) satisfies PageServerLoad;
