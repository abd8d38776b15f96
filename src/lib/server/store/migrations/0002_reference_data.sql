-- The skills catalogue and the ward plan's targets (shared/CONTENT.md), as editable data.
-- Framework references: Quyết định 757/QĐ-BKHCN (29/4/2025), Phụ lục I, khung cho người dân.

INSERT INTO skills (code, title, framework_ref, area, sort) VALUES
	('M0', 'Mở khoá máy, kết nối Wi-Fi/4G, chỉnh cỡ chữ và âm lượng', '757/QĐ-BKHCN 0.1', 'Sử dụng thiết bị', 0),
	('M1', 'Cài và cập nhật ứng dụng từ CH Play / App Store', '757/QĐ-BKHCN 0.2', 'Sử dụng phần mềm', 1),
	('M2', 'Kích hoạt và đăng nhập VNeID mức 2', '757/QĐ-BKHCN 0.2; dịch vụ công', 'Dịch vụ công trực tuyến', 2),
	('M3', 'Tích hợp thẻ BHYT hoặc giấy phép lái xe vào VNeID', '757/QĐ-BKHCN dịch vụ công', 'Dịch vụ công trực tuyến', 3),
	('M4', 'Nộp một dịch vụ công trực tuyến (khai sinh, tạm trú…)', '757/QĐ-BKHCN dịch vụ công', 'Dịch vụ công trực tuyến', 4),
	('M5', 'Chuyển khoản bằng mã QR, có kiểm tra tên người nhận', '757/QĐ-BKHCN thanh toán số', 'Thanh toán số', 5),
	('M6', 'Thanh toán hoá đơn điện / nước', '757/QĐ-BKHCN thanh toán số', 'Thanh toán số', 6),
	('M7', 'Dùng VssID hoặc sổ sức khoẻ điện tử', '757/QĐ-BKHCN y tế số', 'Y tế số', 7),
	('M8', 'Mua một món hàng an toàn trên sàn thương mại điện tử', '757/QĐ-BKHCN thương mại điện tử', 'Thương mại điện tử', 8),
	('M9', 'Nhận diện 5 kiểu lừa đảo; biết "cúp máy – gọi lại – hỏi người thân"', '757/QĐ-BKHCN an toàn, an ninh', 'An toàn trên mạng', 9),
	('M10', 'Tìm và kiểm chứng một thông tin trên mạng', '757/QĐ-BKHCN 1.1, 1.2', 'Tìm kiếm, khai thác thông tin', 10);

-- Household covered (ward plan, 95% target): one member holds online public service,
-- digital payment (QR transfer or a bill), digital health and e-commerce milestones.
-- Adult with basic digital skills: uses the phone, has VNeID level 2, and knows the scams.
INSERT INTO coverage_definitions (key, value, label) VALUES
	('household_covered', '[["M4"],["M5","M6"],["M7"],["M8"]]', 'Hộ có ít nhất một thành viên dùng được dịch vụ công trực tuyến, thanh toán số, y tế số và thương mại điện tử'),
	('adult_skilled', '[["M0"],["M2"],["M9"]]', 'Người trưởng thành có kỹ năng số cơ bản: dùng điện thoại, VNeID mức 2, nhận diện lừa đảo'),
	('adult_min_age', '18', 'Tuổi từ đó tính là người trưởng thành');

INSERT INTO coverage_targets (metric, percent, deadline, label) VALUES
	('adults_skilled', 80, '2025-12-31', '80% người trưởng thành có kỹ năng số cơ bản (hết năm 2025)'),
	('adults_skilled', 100, '2026-12-31', '100% người trưởng thành có kỹ năng số cơ bản (hết năm 2026)'),
	('households_covered', 95, '2026-12-31', '≥ 95% hộ gia đình có người dùng được 4 kỹ năng số thiết yếu'),
	('pupils', 100, '2026-12-31', '100% học sinh được phổ cập kỹ năng số');
