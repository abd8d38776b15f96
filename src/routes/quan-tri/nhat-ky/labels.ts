/** Vietnamese names of audit actions for the viewer; unknown actions show their code. */
export const ACTION_LABELS: Record<string, string> = {
	'auth.login': 'Đăng nhập',
	'auth.logout': 'Đăng xuất',
	'auth.login_failed': 'Đăng nhập sai',
	'auth.login_refused_locked': 'Thử đăng nhập khi bị khoá',
	'auth.locked': 'Tài khoản bị khoá',
	'account.create': 'Tạo tài khoản',
	'account.disable': 'Ngừng tài khoản',
	'account.enable': 'Cho tài khoản hoạt động lại',
	'account.reset_secret': 'Đặt lại mật khẩu / PIN',
	'account.unlock': 'Mở khoá tài khoản',
	'account.revoke_sessions': 'Đăng xuất mọi thiết bị',
	'resident.export': 'Xuất dữ liệu cư dân (JSON)',
	'resident.view_data': 'Xem toàn bộ dữ liệu cư dân',
	'resident.print': 'In dữ liệu cư dân',
	'resident.erase': 'Xoá dữ liệu cư dân',
	'consent.withdraw': 'Rút lại đồng ý'
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;
