/**
 * Every action the audit log records, with its Vietnamese name for the people who read the
 * log (the officer's access log, a resident's copy of who saw their record). The codes are
 * stored; the names are shown. `AuditAction` makes a new action without a name a type error.
 */
export const ACTION_LABELS = {
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
	'neighborhood.create': 'Thêm khu phố',
	'neighborhood.rename': 'Đổi tên khu phố',
	'neighborhood.merge': 'Gộp khu phố',
	'household.create': 'Đăng ký hộ gia đình',
	'household.view': 'Xem hộ gia đình',
	'resident.search': 'Tìm cư dân theo tên',
	'resident.create': 'Đăng ký cư dân',
	'resident.update': 'Sửa thông tin cư dân',
	'resident.move': 'Chuyển cư dân sang hộ khác',
	'resident.view': 'Xem hồ sơ cư dân',
	'residents.import': 'Nhập danh sách cư dân',
	'resident.export': 'Xuất dữ liệu cư dân (JSON)',
	'resident.view_data': 'Xem toàn bộ dữ liệu cư dân',
	'resident.print': 'In dữ liệu cư dân',
	'resident.erase': 'Xoá dữ liệu cư dân',
	'consent.withdraw': 'Rút lại đồng ý',
	'card.reissue': 'Cấp thẻ mới',
	'card.revoke': 'Thu hồi thẻ',
	// Recorded when the sheet is opened: whether it was then printed, the server cannot know.
	'cards.print': 'Mở trang in thẻ QR',
	'session.open': 'Mở buổi học',
	'session.close': 'Đóng buổi học',
	'attendance.view': 'Xem danh sách điểm danh',
	// A check-in taken back (a wrong person picked in the name search), while the class is open.
	'checkin.undo': 'Huỷ một lượt điểm danh',
	'milestone.record': 'Ghi nhận mốc kỹ năng',
	'milestone.undo': 'Huỷ mốc kỹ năng',
	'milestone.view': 'Xem kỹ năng số đã đạt',
	'report.dashboard.view': 'Xem báo cáo',
	'report.not_reached.print': 'Mở danh sách hộ chưa tiếp cận (để in)',
	'coverage.set_target': 'Đặt chỉ tiêu',
	'coverage.set_definitions': 'Sửa cách tính độ phủ',
	// A page or API call the user's role or khu phố does not allow (hooks.server.ts).
	'access.refused': 'Bị từ chối truy cập'
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof ACTION_LABELS;

/** The name of an action; a code from an older release that has none shows as it is. */
export const actionLabel = (action: string): string =>
	(ACTION_LABELS as Record<string, string>)[action] ?? action;
