import { formatNumber } from '$lib/domain/format';

/**
 * What a khu phố with no household left to visit says, after its name: every household
 * reached, or none registered yet (which is not "done"). One wording for the dashboard and
 * the door-to-door list.
 */
export function noneLeftText(households: number): string {
	return households > 0
		? `không còn hộ nào cần đến (cả ${formatNumber(households)} hộ đã được tiếp cận).`
		: 'chưa có hộ nào được đăng ký.';
}
