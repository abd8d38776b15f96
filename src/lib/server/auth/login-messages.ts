import { LOCK_AFTER_FAILURES } from './lockout';
import type { LoginResult } from './sessions';

type Failure = Extract<LoginResult, { ok: false }>['reason'];

/** What a person is told when signing in fails (Vietnamese), by reason. */
export const LOGIN_MESSAGES: Record<Failure, string> = {
	// The lock is said before it happens, to everyone alike: telling only known usernames how
	// many tries are left would tell a stranger which usernames exist.
	bad_credentials: `Tên đăng nhập hoặc mật khẩu / mã PIN chưa đúng. Xin kiểm tra lại. Sai ${LOCK_AFTER_FAILURES} lần liên tiếp thì tài khoản bị khoá, phải nhờ cán bộ phường mở.`,
	locked: 'Tài khoản đang bị khoá vì nhập sai nhiều lần. Xin nhờ cán bộ phường mở khoá.',
	disabled: 'Tài khoản này đã ngừng hoạt động. Xin liên hệ cán bộ phường.',
	too_soon: 'Vừa nhập sai mấy lần. Xin đợi vài giây rồi thử lại.'
};

/** HTTP status for a failed sign-in, by reason. */
export const LOGIN_STATUS: Record<Failure, number> = {
	bad_credentials: 401,
	locked: 403,
	disabled: 403,
	too_soon: 429
};

export function loginMessage(result: Extract<LoginResult, { ok: false }>): string {
	return result.reason === 'too_soon'
		? `Vừa nhập sai mấy lần. Xin đợi ${result.retryAfterSeconds} giây rồi thử lại.`
		: LOGIN_MESSAGES[result.reason];
}
