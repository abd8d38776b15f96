import type { HandleClientError } from '@sveltejs/kit';

/**
 * Faults in the browser (a page's code, a navigation) get the same Vietnamese words as the
 * server's handleError gives its own; SvelteKit would otherwise show "Internal Error".
 */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status === 404) return { message: 'Không tìm thấy trang này', reason: 'not_found' };
	console.error('Unexpected error in the browser:', error);
	return {
		message: 'Có lỗi trên máy này. Xin bác tải lại trang hoặc thử lại sau ít phút.',
		reason: 'internal'
	};
};
