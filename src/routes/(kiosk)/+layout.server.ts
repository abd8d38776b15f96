import { TEXT_SIZES } from '$lib/components/kiosk/kiosk-session.svelte';
import { SIZE_COOKIE, sizeFromCookie } from '$lib/components/kiosk/visit-resume';
import type { LayoutServerLoad } from './$types';

/**
 * A reload at the text size the person chose (A+), drawn so by the server: the page no longer
 * shows at the normal size until it comes alive. The cookie holds the size's number only, and
 * ends with the visit (visit-resume.ts keepVisit).
 */
export const load = (({ cookies }) => ({
	textSize: sizeFromCookie(cookies.get(SIZE_COOKIE), TEXT_SIZES.length)
})) satisfies LayoutServerLoad;
