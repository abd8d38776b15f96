import { describe, expect, it } from 'vitest';
import { readsFirst, scrollToRow, type Row } from './scroll-to-row';

/** Rows of these heights, 14 px apart, under a 12 px padding (the phone at 24 px text). */
const stack = (...heights: number[]): Row[] => {
	let y = 12;
	return heights.map((h) => {
		const row = { top: y, bottom: y + h };
		y += h + 14;
		return row;
	});
};
const PHONE = { view: 382, pad: 12, band: 38 };

/** The rows cut by the "▲ Còn nữa ở trên" line's lower edge when scrolled to `top`. */
const cutUnderBand = (rows: Row[], top: number) =>
	rows.filter((r) => r.top < top + PHONE.band && r.bottom > top + PHONE.band);

describe('scrolling the practice phone to the row to tap', () => {
	it('leaves a screen where the target shows at its top', () => {
		expect(scrollToRow({ rows: stack(93, 93, 76), target: 2, ...PHONE })).toEqual({
			top: 0,
			tail: 0
		});
	});

	// VietQR step 4 at 1366×768: the bare minimum left "Người nhận" half under the line.
	it('puts the "more above" line on a row boundary, the last row to tap whole below it', () => {
		const rows = stack(93, 93, 93, 76);
		const { top, tail } = scrollToRow({ rows, target: 3, ...PHONE });
		expect(top).toBe(112 - PHONE.band);
		expect(cutUnderBand(rows, top)).toEqual([]);
		expect(rows[3].bottom).toBeLessThanOrEqual(top + PHONE.view);
		// Blank room under the last row lets the screen scroll that far.
		expect(tail).toBe(top + PHONE.view - (rows[3].bottom + PHONE.pad));
	});

	// The same screen with A+ twice (measured): the least scroll leaves the line's edge in a
	// gap, so the rows under it are already whole; scrolling on hid "Số tiền" for nothing.
	it('scrolls no further than the target needs when no row is cut', () => {
		const rows = [
			{ top: 18, bottom: 110.8 },
			{ top: 125.2, bottom: 218 },
			{ top: 232.3, bottom: 325.1 },
			{ top: 339.5, bottom: 415.5 }
		];
		const box = { rows, target: 3, view: 354, pad: 18, band: 40.8 };
		const { top, tail } = scrollToRow(box);
		expect(top).toBeCloseTo(415.5 + 18 - 354);
		expect(tail).toBe(0);
	});

	it('shows as many whole rows above the target as fit, never fewer', () => {
		const rows = stack(69, 76, 76, 76, 76, 76);
		const { top } = scrollToRow({ rows, target: 5, ...PHONE });
		expect(cutUnderBand(rows, top)).toEqual([]);
		// The row above the first one in sight would not fit whole with the target.
		const shown = rows.filter((r) => r.top >= top + PHONE.band);
		const above = rows[rows.length - shown.length - 1];
		expect(rows[5].bottom - above.top).toBeGreaterThan(PHONE.view - PHONE.band - PHONE.pad);
	});

	it('keeps a target with rows under it clear of the "more below" line', () => {
		const rows = stack(93, 93, 93, 93, 93, 76);
		const { top, tail } = scrollToRow({ rows, target: 3, ...PHONE });
		expect(cutUnderBand(rows, top)).toEqual([]);
		expect(rows[3].bottom).toBeLessThanOrEqual(top + PHONE.view - PHONE.band);
		expect(tail).toBe(0);
	});

	it('shows the top of a target taller than the screen, just under the line', () => {
		const rows = stack(93, 500);
		expect(scrollToRow({ rows, target: 1, ...PHONE }).top).toBe(112 - PHONE.band);
	});

	it('never scrolls away from the first row', () => {
		expect(scrollToRow({ rows: stack(500, 93), target: 0, ...PHONE })).toEqual({
			top: 0,
			tail: 0
		});
	});
});

describe('a step whose screen is to be read before its button is tapped', () => {
	const field = (label: string) => ({ kind: 'field' as const, label, value: '…' });
	const button = (id: string) => ({ kind: 'button' as const, id, text: id });

	it('is one with only things to read above the button', () => {
		// VietQR's "Xác nhận": the name, the amount and the message to check come first.
		const confirm = [field('Tên người nhận'), field('Số tiền'), field('Lời nhắn'), button('next')];
		expect(readsFirst(confirm, 'next')).toBe(true);
		const paid = [{ kind: 'text' as const, text: 'Thanh toán thành công' }, button('save')];
		expect(readsFirst(paid, 'save')).toBe(true);
		const bill = [{ kind: 'row' as const, text: 'Khách hàng' }, field('Kỳ'), button('pay')];
		expect(readsFirst(bill, 'pay')).toBe(true);
	});

	it('is not one where other choices lie above the button, or nothing does', () => {
		// VssID's login: "Đăng nhập" above "Đăng nhập bằng VNeID" — finding the right one is the step.
		const login = [field('Số định danh'), button('login'), button('vneid')];
		expect(readsFirst(login, 'vneid')).toBe(false);
		const menu = [
			{ kind: 'text' as const, text: 'Bảng chọn' },
			{ kind: 'row' as const, id: 'share', text: 'Chia sẻ' },
			button('back')
		];
		expect(readsFirst(menu, 'back')).toBe(false);
		expect(readsFirst([button('check'), field('Mã')], 'check')).toBe(false);
		const tiles = [
			field('Mã'),
			{ kind: 'tiles' as const, items: [{ id: 'home', text: 'Nhà', icon: 'home' }] }
		];
		expect(readsFirst(tiles, 'home')).toBe(true);
	});
});
