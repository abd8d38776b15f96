import {
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { getApp, startApp, stopApp } from '$lib/server/app';
import { accessFor } from '$lib/server/auth/access';
import { actorForToken, SESSION_COOKIE } from '$lib/server/auth/sessions';

export const init: ServerInit = async () => {
	await startApp();
	// adapter-node emits this after SIGTERM/SIGINT once connections are closed: the final
	// snapshot is taken so the next start has no journal to replay.
	process.once('sveltekit:shutdown' as never, () => {
		void stopApp().then(() => console.log('Store closed cleanly.'));
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	const { store } = getApp();
	event.locals.actor = actorForToken(store, event.cookies.get(SESSION_COOKIE));
	const access = accessFor(event.url.pathname, event.locals.actor);
	if (access !== 'allow') {
		const isApi = event.url.pathname.startsWith('/api/');
		if (isApi) {
			return access === 'sign_in'
				? json(
						{ status: 'error', reason: 'unauthenticated', message: 'Cần đăng nhập' },
						{ status: 401 }
					)
				: json(
						{ status: 'error', reason: 'forbidden', message: 'Tài khoản này không có quyền' },
						{ status: 403 }
					);
		}
		if (access === 'sign_in') {
			redirect(303, `/dang-nhap?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		}
		return new Response('Tài khoản này không có quyền mở trang này.', {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event, {
		preload: ({ type }) => type === 'font' || type === 'js' || type === 'css'
	});
};

/** Unexpected errors: the details go to the log, the user gets a plain Vietnamese sentence. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}:`, error);
	return {
		message:
			status === 404
				? 'Không tìm thấy trang này'
				: 'Có lỗi ở máy chủ. Xin bác thử lại sau ít phút.',
		reason: status === 404 ? 'not_found' : 'internal'
	};
};
