/**
 * Vietnam's days. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a fixed
 * offset gives the right calendar day whatever the machine's own time zone is.
 */
export const VN_OFFSET_MS = 7 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/**
 * Nothing we record (a consent, a class, a scan) is older than 2000-01-01. A time sent in
 * seconds instead of milliseconds (1.7e9: January 1970) lands before it and is refused rather
 * than stored.
 */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);

/** 'YYYY-MM-DD' of the Vietnamese calendar day holding instant `ms`. */
export function vnDay(ms: number): string {
	return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Vietnamese calendar day begins (00:00 in Hà Nội). */
export function vnDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

export function isIsoDay(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	// '9999-99-99' parses to NaN; vnDay(NaN) would throw instead of answering false.
	const start = vnDayStart(text);
	return Number.isFinite(start) && vnDay(start) === text;
}

/**
 * A day as people type it, 'YYYY-MM-DD': 25/11/2026, or 3/12/2026 without the leading zeros
 * (the audit log's filter refused the short form people write by hand), or an ISO day. Undefined
 * when it names no real day (31/02/2026). The one reader of a typed day: the message that asks
 * for one says dd/mm/yyyy.
 */
export function parseTypedDay(text: string): string | undefined {
	const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
	const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : text.trim();
	return isIsoDay(iso) ? iso : undefined;
}

// 'YYYY-MM-DD', then optionally a time ('T' or a space, HH:mm, :ss, .sss) and an offset.
const ISO_INSTANT =
	/^(\d{4}-\d{2}-\d{2})(?:[T ]((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/**
 * An ISO 8601 date or date and time, as an instant; null when it names no real moment.
 * Stricter than `Date.parse`, which reads "2026-02-30" as 2 March and a time without an offset
 * in the server's own zone: here the day must exist, and a time without an offset is the
 * ward's (Vietnam's), as a day alone is Vietnam's midnight.
 */
export function parseIsoInstant(text: string): number | null {
	const match = ISO_INSTANT.exec(text.trim());
	if (!match || !isIsoDay(match[1])) return null;
	const [, day, time = '00:00', offset = '+07:00'] = match;
	const ms = Date.parse(`${day}T${time}${offset}`);
	return Number.isNaN(ms) ? null : ms;
}

/** 'dd/mm/yyyy' for people. */
export function formatDay(day: string): string {
	const [y, m, d] = day.split('-');
	return `${d}/${m}/${y}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Ba, 01/12/2026": a day no one can misread, whatever format a date picker shows. */
export function formatWeekdayDay(day: string): string {
	return `${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}, ${formatDay(day)}`;
}

/**
 * "Thứ Ba, 01/12/2026 lúc 08:00" for a `datetime-local` value ('YYYY-MM-DDTHH:mm'), or
 * null when it is not one.
 */
export function formatWeekdayDayTime(local: string): string | null {
	const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::\d{2}(?:\.\d+)?)?$/.exec(local);
	if (!match || !isIsoDay(match[1])) return null;
	return `${formatWeekdayDay(match[1])} lúc ${match[2]}:${match[3]}`;
}

export function formatDate(ms: number): string {
	return formatDay(vnDay(ms));
}

/** 'HH:mm' in Vietnam's time. */
export function formatTime(ms: number): string {
	return new Date(ms + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * '02/12/2026 08:07': an instant for people, day first, as everywhere in the app. The one
 * place that puts a date and a time together: no page writes its own order.
 */
export function formatDateTime(ms: number): string {
	return `${formatDate(ms)} ${formatTime(ms)}`;
}

/**
 * 'HH:mm' for an instant of today (Vietnam's day of `now`), else '02/12/2026 08:07': a time
 * alone on another day reads as today's.
 */
export function formatTimeOrDateTime(ms: number, now: number): string {
	return vnDay(ms) === vnDay(now) ? formatTime(ms) : formatDateTime(ms);
}

/**
 * "Hà Tu, ngày 25 tháng 11 năm 2026" — the place-and-date line of a formal report. As Nghị
 * định 30/2020/NĐ-CP (Phụ lục I) writes it: days below 10 and the months 1 and 2 with a
 * leading 0 ("ngày 02 tháng 01", "tháng 02"), the months 3 to 12 without ("tháng 3").
 */
export function formalDateLine(place: string, day: string): string {
	const [y, m, d] = day.split('-').map(Number);
	const dd = String(d).padStart(2, '0');
	const mm = m <= 2 ? String(m).padStart(2, '0') : String(m);
	return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/**
 * The Vietnam day a class starts, when that is not today's ('YYYY-MM-DD'); null when it
 * starts today. A class dated 01/06/2027 opened on 02/12/2026 is most often a year typed
 * wrong: the form asks first, and its check-in page says it has not begun.
 */
export function startDayIfNotToday(startsAt: number, now: number): string | null {
	const day = vnDay(startsAt);
	return day === vnDay(now) ? null : day;
}

/** The day a class starts when that is after today (Vietnam time), else null. */
export function laterStartDay(startsAt: number, now: number): string | null {
	const day = startDayIfNotToday(startsAt, now);
	return day !== null && day > vnDay(now) ? day : null;
}
