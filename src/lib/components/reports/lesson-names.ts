/** Names of the kiosk lessons the counts refer to; an unknown id is shown as it is. */
const NAMES: Record<string, string> = {
	'vneid-kich-hoat': 'VNeID mức 2: kích hoạt',
	'chuyen-khoan-vietqr': 'Chuyển khoản bằng VietQR',
	'tien-dien': 'Trả tiền điện',
	vssid: 'VssID và thẻ BHYT',
	'mua-sam-an-toan': 'Mua sắm trực tuyến an toàn',
	'nhan-dien-lua-dao': 'Nhận diện lừa đảo',
	'dvc-khai-sinh': 'Dịch vụ công: khai sinh'
};

export function lessonName(id: string): string {
	return NAMES[id] ?? id;
}
