/**
 * The shape of lesson content. Lessons are JSON files in `lessons/`, checked by
 * `validate.js` at build time (vite plugin), by `npm run content:check` and in unit tests.
 */

export type TopicId = 'dich-vu-cong' | 'thanh-toan' | 'y-te' | 'mua-sam' | 'lua-dao' | 'dien-thoai';

export interface Topic {
	id: TopicId;
	title: string;
	/** One short line under the title on the topic page. */
	blurb: string;
	icon: string;
}

/** Which fake app a simulated screen imitates: decides its colours and name bar. */
export type SimApp =
	'vneid' | 'bank' | 'dvc' | 'vssid' | 'shop' | 'sms' | 'call' | 'phone' | 'settings' | 'store';

export type SimElement =
	| { kind: 'text'; text: string; tone?: 'muted' | 'strong' | 'warn' | 'ok' }
	| { kind: 'button'; id: string; text: string; tone?: 'primary' | 'secondary' | 'danger' }
	| { kind: 'tiles'; items: Array<{ id: string; text: string; icon: string }> }
	| { kind: 'row'; id?: string; text: string; detail?: string }
	| { kind: 'field'; id?: string; label: string; value: string }
	| { kind: 'qr'; id?: string; caption?: string }
	| { kind: 'message'; id?: string; from: string; text: string; time?: string }
	| { kind: 'call'; from: string; number: string; note?: string }
	| { kind: 'toggle'; id: string; text: string; on: boolean };

export interface SimScreen {
	app: SimApp;
	/** The app bar's title on the fake phone. */
	title: string;
	elements: SimElement[];
}

export interface QuizItem {
	kind: 'call' | 'sms';
	from: string;
	/** What the caller says or the message reads (fake data only). */
	body: string;
	scam: boolean;
	/** Spoken and shown after the answer: why it is (or is not) a scam. */
	explain: string;
}

export interface Step {
	/** The one instruction shown on screen (the caption). */
	text: string;
	/** What the narrator says, when it differs from the caption; defaults to `text`. */
	say?: string;
	screen?: SimScreen;
	illustration?: string;
	/**
	 * Rules or actions to keep, shown as a numbered card (and printed under the step in the
	 * take-away): for a step whose voice lists several things, so the eyes can follow them.
	 */
	points?: string[];
	/**
	 * Present on practice steps: the element id the learner must tap, and a gentle hint.
	 * `wrong` gives a tempting wrong place its own words, said before the hint: a tap on the
	 * scam message's link or "Vẫn chuyển" is the moment to say why it is dangerous, not only
	 * "Chưa đúng chỗ".
	 */
	practice?: {
		target: string;
		hint: string;
		wrong?: Record<string, string>;
		/**
		 * 'up': the target starts out of sight below and the learner swipes up to find it (the
		 * phone does not bring it into view until the hint highlights it). A touch that moves
		 * is a swipe, not a miss.
		 */
		swipe?: 'up';
	};
	/**
	 * What the printed take-away says for this step, when the caption only makes sense at the
	 * kiosk (the quiz's "chọn một trong hai nút"); defaults to `text`.
	 */
	print?: string;
	/** Present on the scam quiz step. */
	quiz?: QuizItem[];
}

export interface Walkthrough {
	id: string;
	title: string;
	topic: TopicId;
	/**
	 * Its place among the topic's lessons, from 1 (the topic page lists them in this order): a
	 * lesson that another needs comes first, e.g. activating VNeID level 2 before the services
	 * that log in with it. Each number is used once within a topic.
	 */
	order: number;
	summary: string;
	/**
	 * How the narrator says names this lesson makes up, written → said, where the voice would
	 * read them in English or spell them: a fake sender "CUC THUE" → "Cục Thuế", a Wi-Fi
	 * "NhaBacAn" → "Nhà Bác An". Words of the kiosk's subject (Zalo, OTP) are in the voice's own
	 * table (SAID_AS in src/lib/voice/speakable.js).
	 */
	sayAs?: Record<string, string>;
	steps: Step[];
}
