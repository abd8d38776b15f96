import type { LoginResult } from './sessions';

type Failure = Extract<LoginResult, { ok: false }>['reason'];

/** What a person is told when signing in fails (Vietnamese), by reason. */
export const LOGIN_MESSAGES: Record<Failure, string> = {
	bad_credentials: 'Tên đăng nhập hoặc mật khẩu / mã PIN chưa đúng. Xin kiểm tra lại.',
	locked: 'Tài khoản đang bị khoá vì nhập sai nhiều lần. Xin nhờ cán bộ phường mở khoá.',
	disabled: 'Tài khoản này đã ngừng hoạt động. Xin liên hệ cán bộ phường.'
};
