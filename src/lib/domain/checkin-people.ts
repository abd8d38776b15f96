/** Domain types for residents, households, cards and class sessions (camelCase, no rows). */
import topicList from '../walkthroughs/topics.json';
import { foldVietnamese, searchWords } from './text';

export interface Neighborhood {
	id: number;
	name: string;
}

export interface Place {
	id: number;
	name: string;
	neighborhoodId: number | null;
}

export interface Household {
	id: number;
	neighborhoodId: number;
	neighborhoodName: string;
	address: string;
	headName: string;
	members: number;
}

export interface ResidentSummary {
	id: number;
	fullName: string;
	birthYear: number;
	householdId: number;
	address: string;
	neighborhoodId: number;
	neighborhoodName: string;
	relationship: string;
}

export interface Resident extends ResidentSummary {
	phone: string | null;
	createdAt: number;
	/** The live card, if any. */
	cardCode: string | null;
}

/** A name-search result. `GET /api/residents?q=…&sessionId=…` adds `checkedInAt`. */
export interface ResidentMatch extends Resident {
	/** Asked at a class: when this person was checked in to it, or null if not yet. */
	checkedInAt?: number | null;
	/** Asked at a class: they withdrew consent, so they cannot be checked in. */
	consentWithdrawn?: boolean;
}

export interface Card {
	code: string;
	issuedAt: number;
	revokedAt: number | null;
}

export interface Consent {
	method: 'paper' | 'verbal' | 'guardian';
	takenBy: string;
	takenAt: number;
	withdrawnAt: number | null;
	/** Who consented for the person (method 'guardian'); null before the name was asked. */
	guardianName: string | null;
}

export const CONSENT_LABELS: Record<Consent['method'], string> = {
	paper: 'Ký giấy đồng ý',
	verbal: 'Đồng ý bằng lời, có người làm chứng',
	guardian: 'Người giám hộ đồng ý'
};

export interface ClassSession {
	id: number;
	title: string;
	topic: string | null;
	walkthroughId: string | null;
	place: string;
	neighborhoodId: number | null;
	startsAt: number;
	openedBy: string | null;
	closedAt: number | null;
	attendance: number;
}

export interface AttendanceEntry {
	/** Null when the resident was erased, or lives outside a head's khu phố (`elsewhere`). */
	residentId: number | null;
	fullName: string | null;
	/** Tells namesakes apart on the class's list (null with the name). */
	birthYear: number | null;
	neighborhoodId: number | null;
	neighborhoodName: string | null;
	/** A head's list names only their own khu phố's people; others are counted, not named. */
	elsewhere?: true;
	checkedInAt: number;
	source: string;
}

export interface HelpRequest {
	id: number;
	kiosk: string;
	place: string;
	at: number;
}

/**
 * Where a kiosk calling for help stands, as a volunteer reads it: the place it was set up with
 * (`KIOSK_PLACE`). The kiosk's id (`tram-1`) is a setting, not somewhere to walk to; it is
 * shown, named as a code, only when the request carries no place.
 */
export function helpRequestPlace(request: Pick<HelpRequest, 'kiosk' | 'place'>): string {
	const place = request.place.trim();
	if (place) return place;
	const kiosk = request.kiosk.trim();
	return kiosk ? `Trạm mã “${kiosk}” (chưa ghi nơi đặt)` : 'Một trạm chưa ghi nơi đặt';
}

/**
 * What a volunteer reads after tapping "Tôi đến ngay": whose call they took, or that someone
 * else was quicker (then the kiosk is already being looked after), or that the kiosk had
 * withdrawn it (left alone, it cleared itself: nobody is waiting there). `place` null: the call
 * was gone before it could be named.
 */
export function helpAnsweredMessage(
	first: boolean,
	place: string | null,
	withdrawn = false
): string {
	if (first) {
		return `Bạn đã nhận lời gọi của ${place ?? 'trạm'}. Xin đến trạm ngay; các tình nguyện viên khác không còn thấy lời gọi này.`;
	}
	return withdrawn
		? 'Trạm đã huỷ lời gọi này vì lâu không có ai dùng trạm. Bạn không cần đến nữa.'
		: 'Lời gọi này đã có tình nguyện viên khác nhận.';
}

/** Printable card: what the A4 sheet needs. */
export interface PrintCard {
	code: string;
	fullName: string;
	neighborhoodName: string;
}

/**
 * Topics the kiosk teaches, id → name, read from the kiosk's own list: a class's topic is
 * named as residents see it on the kiosk (a second list here had drifted: "Mua sắm trực
 * tuyến" for the kiosk's "Mua sắm an toàn").
 */
export const TOPICS: Record<string, string> = Object.fromEntries(
	topicList.map((t) => [t.id, t.title])
);

export const SOURCE_LABELS: Record<string, string> = {
	camera: 'Camera',
	scanner: 'Máy quét',
	search: 'Tìm tên',
	kiosk: 'Trạm',
	import: 'Nhập danh sách'
};

/**
 * "Số 5, tổ 3, Khu phố 2" — without repeating the khu phố when the address already ends with
 * it. Only at the end and as a whole name: "Khu phố 1" is not said by "…, Khu phố 10", nor a
 * khu phố called "3" by "Số 306".
 */
export function addressLine(address: string, neighborhoodName: string): string {
	const at = address.length - neighborhoodName.length;
	const says =
		neighborhoodName !== '' &&
		at >= 0 &&
		address.endsWith(neighborhoodName) &&
		(at === 0 || /[\s,]/.test(address[at - 1]));
	return says ? address : `${address}, ${neighborhoodName}`;
}

/** Text folded (case, diacritics, spacing) with punctuation read as a space: "số 1 tổ 4". */
const foldedWords = (text: string) =>
	foldVietnamese(text)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/**
 * Whether every word typed is in `text`, as `foldedWords` reads both: "so 41 to 6" and "to 6
 * le loi" find "Số 41, tổ 6, đường Lê Lợi" (a phone's user types no commas). A word may be the
 * start of one ("nguy" for "Nguyễn"); a number is a whole one ("1" is not 12, 14 and 180).
 */
export function hasWordsTyped(text: string, typed: string): boolean {
	const within = ` ${foldedWords(text)} `;
	return foldedWords(typed)
		.split(' ')
		.every((word) => within.includes(/^\d+$/.test(word) ? ` ${word} ` : ` ${word}`));
}

/**
 * An address as two lists are compared: folded (case, diacritics, spacing), punctuation read
 * as a space ("Số 1, tổ 4" is "Số 1 tổ 4"; "20-22" and "20–22", "12/3" and "12 / 3" alike),
 * and the khu phố's own name dropped from its end. Lists write "Số 116, tổ 7, đường Lê Lợi"
 * with or without ", Khu phố 1", and pages show both the same (addressLine): the two used to
 * be two households, and the same person was imported twice.
 */
export function addressKey(address: string, neighborhoodName: string): string {
	const key = foldedWords(address);
	const hood = foldedWords(neighborhoodName);
	// "Số 2, Khu phố 1" and "Số 2 Khu phố 1" are Số 2; "Khu phố 1" alone stays.
	return key.endsWith(` ${hood}`) ? key.slice(0, -hood.length - 1) : key;
}

/**
 * How long a kiosk's unanswered call takes its button's new taps as the same call
 * (ops/kiosk.ts), and how long "Ẩn" puts a call out of a volunteer's way: a resident who asks
 * again is seen again by then, even by a volunteer who hid the call.
 */
export const HELP_REPEAT_MS = 2 * 60_000;

/**
 * How long a call for a volunteer stays on the staff pages, unless taken or ended sooner. The
 * one rule for "too old to still be wanted": longer than a kiosk ever waits on its own call. A
 * kiosk left alone clears itself at most 21½ minutes after its last touch, and withdraws its
 * call then (kiosk-session's lapse; a test keeps the two in step); one still in use has told
 * its resident at 10 minutes that nobody took the call, and that the button calls again. So an
 * older call is one its kiosk could not withdraw (a power cut, the network down, a crashed
 * tab): a volunteer would walk to an empty kiosk, and yesterday's call looked like today's.
 */
export const HELP_OPEN_MS = 30 * 60_000;

/** A name search lists at most this many people, the likeliest first. */
export const NAME_SEARCH_LIMIT = 30;

/**
 * A name search needs this many letters or digits (diacritics and spaces aside): fewer would
 * list half the ward. Both searches (the residents' list and the scanner's) ask this, and say
 * why in the same words; the browser's own "Please lengthen this text" spoke English.
 */
export const NAME_SEARCH_MIN_LETTERS = 3;
export const NAME_SEARCH_TOO_SHORT = `Xin gõ ít nhất ${NAME_SEARCH_MIN_LETTERS} chữ cái của tên.`;

export function nameSearchTooShort(q: string): boolean {
	const letters = searchWords(q).reduce((sum, word) => sum + word.folded.length, 0);
	return letters < NAME_SEARCH_MIN_LETTERS;
}

/** Said under a name search that filled its list: there may be more, so narrow it down. */
export const NAME_SEARCH_FULL = `Đang hiện ${NAME_SEARCH_LIMIT} người đầu tiên; có thể còn người khác. Gõ thêm tên để tìm đúng người.`;

/** Someone already registered with the same name and birth year in the khu phố. */
export interface NeighborTwin {
	householdId: number;
	fullName: string;
	birthYear: number;
	address: string;
}
