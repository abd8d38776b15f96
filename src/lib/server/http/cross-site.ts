import { json } from '@sveltejs/kit';
import { forbiddenPage } from './forbidden-page';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The bodies a plain HTML form can send from any site without asking (no CORS preflight). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Refuses a form post that a page of another site made a browser send here. Browsers name the
 * page's origin on every POST; a request with no Origin at all comes from no web page (curl, a
 * ward's own import script) and may post a resident list as the API describes. SvelteKit's own
 * check refused those too, in English plain text, so it is off (svelte.config.js) and this one
 * takes its place; the session cookie is SameSite=Lax besides.
 */
export function crossSiteForm(request: Request, url: URL): Response | null {
	if (!UNSAFE.has(request.method)) return null;
	const origin = request.headers.get('origin');
	if (origin === null || origin === url.origin) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return null;
	if (!url.pathname.startsWith('/api/')) return forbiddenPage();
	return json(
		{
			status: 'error',
			reason: 'cross_site',
			message: 'Yêu cầu gửi từ trang của nơi khác nên bị từ chối.'
		},
		{ status: 403 }
	);
}
