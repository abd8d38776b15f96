// Fixed sentences the kiosk says outside any lesson. They get pre-made clips like lesson text.
export const PHRASES = {
	welcome: 'Chào bác! Bác chọn một chủ đề muốn học nhé.',
	pickLesson: 'Bác chạm vào bài muốn học nhé.',
	stillThere: 'Bác còn ở đây không? Bác bấm nút Tôi vẫn đang học để học tiếp nhé.',
	helpComing: 'Bác chờ một chút nhé. Tình nguyện viên sẽ đến giúp bác ngay.',
	helpTaken: 'Tình nguyện viên đã nhận lời và đang tới. Bác chờ một chút nhé.',
	helpFailed: 'Chưa gọi được tình nguyện viên. Bác nhờ người bên cạnh giúp nhé.',
	// A call nobody took in HELP_RECALL_MS: "ngay" said for ever would keep the person waiting.
	helpUnanswered:
		'Chưa có tình nguyện viên nhận lời. Bác bấm nút Gọi tình nguyện viên để gọi lại, hoặc nhờ người bên cạnh giúp nhé.',
	tryAgain: 'Chưa đúng chỗ. Bác thử lại nhé.',
	rightTap: 'Đúng rồi! Bác giỏi quá. Bác bấm Tiếp tục nhé.',
	tapFirst: 'Bác bấm thử vào màn hình tập trước nhé.',
	lookOnly: 'Ở bước này bác chỉ cần xem. Bác bấm Tiếp tục ở dưới để sang bước sau nhé.',
	isScam: 'Có phải lừa đảo không?',
	quizChoose: 'Bác chọn một trong hai nút: Có, lừa đảo, hoặc Không phải.',
	quizRight: 'Đúng rồi!',
	quizWrong: 'Chưa đúng.',
	quizDone: 'Bác đã làm xong bài tập. Bác bấm Tiếp tục nhé.',
	done: 'Bác đã hoàn thành! Bác có thể in bài này mang về, hoặc ghi nhận vào thẻ.',
	// After "In bài này" (the screen says the same): the kiosk cannot tell whether paper came.
	printed: 'Bác lấy giấy ở máy in nhé. Nếu không thấy giấy, bác bấm Gọi tình nguyện viên.',
	showCard: 'Bác giơ thẻ QR của mình trước camera của trạm nhé.',
	// Said instead when the kiosk's camera cannot be used (the screen says the same).
	noCamera:
		'Trạm này không có camera. Nếu trạm có máy quét thẻ, bác đưa thẻ vào máy quét. Hoặc bác bấm Gọi tình nguyện viên nhé.',
	cameraOff:
		'Camera của trạm chưa dùng được. Nếu trạm có máy quét thẻ, bác đưa thẻ vào máy quét. Hoặc bác bấm Gọi tình nguyện viên nhé.',
	cardRecorded: 'Đã ghi nhận. Chúc mừng bác đã học xong bài này!',
	// A card shown again just after it was recorded (the screen says the same).
	cardAgain: 'Thẻ này vừa ghi nhận bài này rồi. Bác không cần giơ lại nhé.',
	// A card not recorded: this, then why and what to do (KIOSK_REASON_TEXT reads the same
	// sentences on screen). "Bác đọc dòng chữ trên màn hình" alone failed those who need the voice.
	cardNotRecorded: 'Chưa ghi nhận được.',
	cardNotOurs: 'Đây không phải thẻ của Trạm Học Số. Bác giơ thẻ QR của trạm nhé.',
	cardUnknown: 'Trạm chưa nhận ra thẻ này. Bác nhờ tình nguyện viên xem giúp thẻ nhé.',
	cardRevoked: 'Thẻ này không còn dùng được. Bác nhờ tình nguyện viên làm thẻ mới nhé.',
	cardRefused: 'Trạm không ghi nhận được bằng thẻ này. Bác nhờ tình nguyện viên giúp nhé.',
	cardRetry: 'Trạm chưa ghi nhận được lần này. Bác bấm “Thử lại” nhé.',
	cardFault: 'Trạm chưa ghi nhận được. Bác nhờ tình nguyện viên giúp nhé.',
	// The server cannot be reached: a help call cannot reach anyone either.
	cardOffline:
		'Trạm đang mất kết nối nên chưa ghi nhận được. Bác thử lại sau ít phút, hoặc nhờ người bên cạnh giúp nhé.'
};
