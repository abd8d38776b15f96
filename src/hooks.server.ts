import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { getApp, startApp, stopApp } from '$lib/server/app';
import { accessFor } from '$lib/server/auth/access';
import { actorForToken, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { exposeFastPath } from '$lib/server/http/checkin-fast-path';
import { asApiError } from '$lib/server/http/api-errors';
import { crossSiteForm } from '$lib/server/http/cross-site';
import { forbiddenPage } from '$lib/server/http/forbidden-page';
import { storeRefusal } from '$lib/server/http/problem';
import { auditRead } from '$lib/server/services/audit';
import { apiRefusal, bodyTooLarge, rateLimit, secure, tooMany } from '$lib/server/http/guards';

export const init: ServerInit = async () => {
	await startApp();
	exposeFastPath();
	// adapter-node emits this after SIGTERM/SIGINT once connections are closed: the final
	// snapshot is taken so the next start has no journal to replay.
	process.once('sveltekit:shutdown' as never, () => {
		void stopApp().then(() => console.log('Store closed cleanly.'));
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	const answer = await guarded({ event, resolve });
	if (answer.status === 403) await logRefusal(event.locals.actor, event.request.method, event.url);
	const response = event.url.pathname.startsWith('/api/') ? await asApiError(answer) : answer;
	return secure(response, event.locals.actor !== null);
};

/** Limits first (cheap refusals), then the session, then the role wall, then the route. */
const guarded: Handle = async ({ event, resolve }) => {
	const { store } = getApp();
	const { method } = event.request;
	const path = event.url.pathname;
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.actor = null;
	const tooLarge = bodyTooLarge(
		method,
		path,
		Number(event.request.headers.get('content-length') ?? 0)
	);
	if (tooLarge) return tooLarge;
	const crossSite = crossSiteForm(event.request, event.url);
	if (crossSite) return crossSite;
	const limited = rateLimit(method, path, event.getClientAddress(), token);
	if (!limited.ok) return tooMany(limited.retryAfterSeconds);
	event.locals.actor = actorForToken(store, token);
	const access = accessFor(path, event.locals.actor);
	if (access !== 'allow') {
		const isApi = path.startsWith('/api/');
		if (isApi) {
			const refusal = apiRefusal(access);
			return json(refusal.body, { status: refusal.status });
		}
		if (access === 'sign_in') {
			const next = encodeURIComponent(path + event.url.search);
			return new Response(null, { status: 303, headers: { location: `/dang-nhap?next=${next}` } });
		}
		return forbiddenPage();
	}
	const kiosk = event.route.id?.startsWith('/(kiosk)') ?? false;
	return resolve(event, {
		// Only the woff2 files: every browser we serve reads them, the woff fallbacks are waste.
		// Kiosk pages do not preload their JavaScript: fetching and compiling 15 modules while
		// the page parses held its first paint back (home LCP 860 → 680 ms with the CPU
		// throttled 4×), and the buttons answer no later (bench:kiosk). Staff pages on phones
		// keep the preloads: there a round trip over Wi-Fi costs more than the parsing.
		preload: ({ type, path }) =>
			type === 'font' ? path.endsWith('.woff2') : type === 'css' || (type === 'js' && !kiosk)
	});
};

/**
 * A signed-in user refused a page or an API call (a head opening another khu phố's report or
 * resident, a volunteer opening the officer's pages): the officer's access log shows it, so
 * someone trying addresses is seen. Anonymous refusals (a cross-site form) are not people
 * of the ward. A failing store must not turn the refusal into a 500: that goes to the log.
 */
async function logRefusal(actor: App.Locals['actor'], method: string, url: URL): Promise<void> {
	if (actor === null) return;
	try {
		await auditRead(getApp().store, actor, {
			action: 'access.refused',
			subject: `page:${url.pathname}${url.search}`.slice(0, 300),
			detail: method
		});
	} catch (error) {
		console.error(`audit: could not record a refusal of ${method} ${url.pathname}:`, error);
	}
}

/** Unexpected errors: the details go to the log, the user gets a plain Vietnamese sentence. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	// A full disk: the store logged it once; each page that needed a write (a sign-in, a form)
	// is told in words an officer can act on, not "server error" and a stack trace per try.
	const refused = storeRefusal(error);
	if (refused) return { message: refused.message, reason: refused.reason };
	// Only real faults go to the log with their stack; a malformed address is the client's.
	if (status >= 500) console.error(`${event.request.method} ${event.url.pathname}:`, error);
	if (status === 404) return { message: 'Không tìm thấy trang này', reason: 'not_found' };
	if (status < 500) return { message: 'Yêu cầu không hợp lệ.', reason: 'bad_request' };
	return { message: 'Có lỗi ở máy chủ. Xin bác thử lại sau ít phút.', reason: 'internal' };
};
