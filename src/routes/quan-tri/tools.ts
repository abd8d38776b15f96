/** The officer's tools, in one list: the tool bar above every page and the home page's cards. */
export const ADMIN_TOOLS = [
	{
		href: '/quan-tri/tai-khoan',
		label: 'Tài khoản',
		about: 'Tạo, ngừng, đặt lại mật khẩu / mã PIN, mở khoá và đăng xuất mọi thiết bị.'
	},
	{
		href: '/quan-tri/khu-pho',
		label: 'Khu phố',
		about: 'Thêm khu phố mới, đổi tên khu phố; số hộ, số cư dân và trưởng khu phố của mỗi nơi.'
	},
	{
		href: '/quan-tri/nhat-ky',
		label: 'Nhật ký truy cập',
		about: 'Ai đã xem, xuất, in hay sửa dữ liệu, đăng nhập lúc nào, từ thiết bị nào.'
	},
	{
		href: '/quan-tri/du-lieu-ca-nhan',
		label: 'Dữ liệu cá nhân',
		about: 'Yêu cầu rút lại đồng ý, sao chép và xoá dữ liệu của cư dân.'
	},
	{
		href: '/quan-tri/muc-tieu',
		label: 'Chỉ tiêu',
		about: 'Chỉ tiêu độ phủ của phường, hạn hoàn thành và cách tính mỗi chỉ tiêu.'
	},
	{
		href: '/quan-tri/he-thong',
		label: 'Hệ thống',
		about: 'Máy chủ, ổ đĩa, bản sao lưu và phiên bản đang chạy.'
	}
] as const;
