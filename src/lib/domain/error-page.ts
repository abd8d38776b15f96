/**
 * What an error page says, on the kiosk and on the staff pages alike. The message under the
 * title comes from whoever refused (`error(404, 'Không có bài học này')`, or handleError's
 * Vietnamese for faults); the title says in plain words what kind of trouble it is, since a
 * bare "404" means nothing to the people who use this.
 */
export function errorTitle(status: number): string {
	if (status === 404) return 'Không tìm thấy trang này';
	if (status === 401 || status === 403) return 'Tài khoản này không mở được trang này';
	if (status >= 500) return 'Máy đang gặp trục trặc';
	return 'Không mở được trang này';
}

/** The message as a sentence: a full stop added unless it already ends like one. */
export function errorSentence(message: string): string {
	const text = message.trim();
	return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** The residents' pages: the kiosk's home, its topics and its lessons. */
export const isKioskPath = (pathname: string): boolean =>
	pathname === '/' || /^\/(chu-de|bai-hoc)(\/|$)/.test(pathname);
