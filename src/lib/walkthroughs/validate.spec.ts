import { describe, expect, it } from 'vitest';
import { PHRASES } from '../voice/phrases.js';
import { checkAudio, checkKioskWords, checkSchema } from './tools/check.js';
import { validateContent, validateWalkthrough } from './validate.js';

const good = () => ({
	id: 'thu',
	title: 'Bài thử',
	topic: 'thanh-toan',
	summary: 'Một bài để thử.',
	steps: [
		{ text: 'Bước một.', illustration: 'phone' },
		{
			text: 'Bác bấm Quét QR.',
			screen: {
				app: 'bank',
				title: 'Ngân hàng',
				elements: [
					{ kind: 'tiles', items: [{ id: 'scan', text: 'Quét QR', icon: 'qr' }] },
					{ kind: 'button', id: 'ok', text: 'Xong' }
				]
			},
			practice: { target: 'scan', hint: 'Bác tìm ô Quét QR nhé.' }
		},
		{ text: 'Bước ba.', illustration: 'shield' },
		{ text: 'Bước bốn.', illustration: 'shield' },
		{ text: 'Bước năm.', illustration: 'shield' }
	]
});

describe('lesson schema', () => {
	it('accepts a well-formed lesson', () => {
		expect(validateWalkthrough(good(), 'thu')).toEqual([]);
	});

	it('names the field of each problem', () => {
		const lesson = good() as Record<string, unknown> & ReturnType<typeof good>;
		lesson.topic = 'nau-an';
		(lesson.steps[1].practice as { target: string }).target = 'khong-co';
		(lesson.steps[0] as Record<string, unknown>).screen = { app: 'bank', title: 'x', elements: [] };
		lesson.steps[2].text = 'Be\u0301'; // decomposed accent: not NFC
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			expect.stringMatching(/^topic: must be one of/),
			'steps[0]: needs exactly one of screen, illustration, points or quiz',
			'steps[0].screen.elements: must be a non-empty list',
			'steps[1].practice.target: "khong-co" is not a tappable id on the screen',
			'steps[2].text: is not in Unicode NFC form'
		]);
	});

	it('wants the id to match the file, and 5 to 10 steps', () => {
		expect(validateWalkthrough(good(), 'khac')).toContain('id: must equal the file name "khac"');
		const short = { ...good(), steps: good().steps.slice(0, 4) };
		expect(validateWalkthrough(short, 'thu')).toEqual(['steps: must be a list of 5 to 10 steps']);
	});

	it('a quiz needs at least 10 items, each with an answer', () => {
		const lesson = good();
		(lesson.steps[4] as Record<string, unknown>) = {
			text: 'Có phải lừa đảo không?',
			print: 'Ai đòi mã OTP là lừa đảo.',
			quiz: [{ kind: 'sms', from: 'X', body: 'Y', scam: 'có', explain: 'Z' }]
		};
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			'steps[4].quiz: a quiz needs at least 10 items'
		]);
	});

	it('words for a wrong tap belong to another tappable place on the screen', () => {
		const lesson = good();
		const practice = lesson.steps[1].practice as Record<string, unknown>;
		practice.wrong = { ok: 'Khoan! Nút này chưa xong.' };
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
		practice.wrong = { scan: 'Sai.', 'khong-co': 'Không có.', ok: '' };
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			'steps[1].practice.wrong.scan: is the target: a tap there is right',
			'steps[1].practice.wrong.khong-co: "khong-co" is not a tappable id on the screen',
			'steps[1].practice.wrong.ok: must be non-empty text'
		]);
	});

	it('a caption quotes only words its phone shows (cut short with “…” or part of a label)', () => {
		const lesson = good();
		lesson.steps[1].text = 'Bác bấm “Quét QR”, trong “Ngân hàng”.';
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
		lesson.steps[1].text = 'Bác bấm “Quét…” rồi “Xong”.';
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
		lesson.steps[1].text = 'Bác tích vào ô “Tôi xác nhận…” rồi bấm “Gửi yêu cầu”.';
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			'steps[1].text: quotes “Tôi xác nhận…”, which its screen does not show',
			'steps[1].text: quotes “Gửi yêu cầu”, which its screen does not show'
		]);
		// A step without a phone may quote what it likes (a badge, a quiz's name).
		lesson.steps[0].text = 'Trang có dấu “Đã thông báo Bộ Công Thương”.';
		expect(validateWalkthrough(lesson, 'thu')).toHaveLength(2);
	});

	it('a target found by swiping up is the last of a screen long enough to hide it', () => {
		const lesson = good();
		const practice = lesson.steps[1].practice as Record<string, unknown>;
		practice.swipe = 'up';
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			'steps[1].practice.swipe: needs a screen of at least 8 elements to swipe through',
			'steps[1].practice.swipe: the target must be the last element of the screen'
		]);
		const rows = Array.from({ length: 8 }, (_, i) => ({ kind: 'row', text: `Dòng ${i + 1}` }));
		(lesson.steps[1].screen as { elements: unknown[] }).elements = [
			...rows,
			{ kind: 'row', id: 'scan', text: 'Quét QR' }
		];
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
		practice.swipe = 'down';
		expect(validateWalkthrough(lesson, 'thu')).toEqual(['steps[1].practice.swipe: must be "up"']);
	});

	it('a quiz step says what to print in its place: paper has no buttons to answer on', () => {
		const lesson = good();
		const item = { kind: 'sms', from: 'Số lạ', body: 'Gửi mã OTP.', scam: true, explain: 'Lừa.' };
		const quiz = Array.from({ length: 10 }, () => item);
		(lesson.steps[4] as Record<string, unknown>) = { text: 'Có phải lừa đảo không?', quiz };
		expect(validateWalkthrough(lesson, 'thu')).toEqual(['steps[4].print: a quiz step needs one']);
		(lesson.steps[4] as Record<string, unknown>).print = 'Ai đòi mã OTP là lừa đảo.';
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
	});

	it('numbered points are 2 to 5 short lines, and take the place of a picture', () => {
		const lesson = good();
		(lesson.steps[2] as Record<string, unknown>) = {
			text: 'Ba điều cần nhớ.',
			points: ['Một.', 'Hai.', 'Ba.']
		};
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
		(lesson.steps[2] as Record<string, unknown>).points = ['Chỉ một.'];
		(lesson.steps[3] as Record<string, unknown>).points = ['Một.', 'x'.repeat(71)];
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			'steps[2].points: must be a list of 2 to 5 lines',
			'steps[3]: needs exactly one of screen, illustration, points or quiz',
			'steps[3].points[1]: is longer than 70 characters'
		]);
	});

	it('every word a lesson says is Vietnamese, or given a spoken form in its sayAs', () => {
		const lesson = good() as ReturnType<typeof good> & { sayAs?: Record<string, string> };
		const practice = lesson.steps[1].practice as Record<string, unknown>;
		practice.hint = 'Bác tìm ô Quét QR của NhaBacAn nhé.';
		practice.wrong = { ok: 'Khoan! Shopee chưa xong.' };
		const advice = `add it to the lesson's sayAs (a general word: to SAID_AS in src/lib/voice/speakable.js)`;
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			`steps[1].practice.hint: the voice cannot say “NhaBacAn” as Vietnamese: ${advice}`,
			`steps[1].practice.wrong.ok: the voice cannot say “Shopee” as Vietnamese: ${advice}`
		]);
		lesson.sayAs = { NhaBacAn: 'Nhà Bác An', Shopee: 'sốp pi' };
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
	});

	it('a quiz sender in capitals is said as a word only through sayAs', () => {
		const lesson = good() as ReturnType<typeof good> & { sayAs?: Record<string, string> };
		const item = { kind: 'sms', from: 'CUC THUE', body: 'Nộp thuế.', scam: true, explain: 'Lừa.' };
		(lesson.steps[4] as Record<string, unknown>) = {
			text: 'Có phải lừa đảo không?',
			print: 'Ai đòi mã OTP là lừa đảo.',
			quiz: Array.from({ length: 10 }, () => item)
		};
		expect(validateWalkthrough(lesson, 'thu')).toContain(
			`steps[4].quiz[0]: the voice cannot say “CUC” as Vietnamese: add it to the lesson's sayAs (a general word: to SAID_AS in src/lib/voice/speakable.js)`
		);
		lesson.sayAs = { 'CUC THUE': 'Cục Thuế' };
		expect(validateWalkthrough(lesson, 'thu')).toEqual([]);
	});

	it('sayAs names words the lesson says, each said in Vietnamese; titles are said without it', () => {
		const lesson = good() as ReturnType<typeof good> & { sayAs?: unknown };
		lesson.sayAs = { NhaBacAn: 'Nhà Bác An', Shopee: 'Shopee' };
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			'sayAs.Shopee: says “Shopee”, which is not a Vietnamese word: write how it sounds',
			'sayAs.NhaBacAn: changes nothing the lesson says (not said, or said so already)',
			'sayAs.Shopee: changes nothing the lesson says (not said, or said so already)'
		]);
		// The menus say the title, where no lesson's sayAs applies.
		lesson.sayAs = { NhaBacAn: 'Nhà Bác An' };
		lesson.title = 'Bài của NhaBacAn';
		expect(validateWalkthrough(lesson, 'thu')).toEqual([
			expect.stringMatching(/^title: the voice cannot say “NhaBacAn” as Vietnamese/),
			'sayAs.NhaBacAn: changes nothing the lesson says (not said, or said so already)'
		]);
		// A general word the voice already says the same way.
		expect(
			validateWalkthrough({ ...lesson, title: 'Bài thử', sayAs: { QR: 'kiu a' } }, 'thu')
		).toEqual(['sayAs.QR: changes nothing the lesson says (not said, or said so already)']);
		lesson.sayAs = {};
		expect(validateWalkthrough({ ...lesson, title: 'Bài thử' }, 'thu')).toEqual([
			'sayAs: must map names as written to how they are said'
		]);
	});

	it('a content set problem starts with the file it is in', () => {
		const bad = { ...good(), title: '' };
		const errors = validateContent([{ file: 'src/lib/walkthroughs/lessons/thu.json', data: bad }]);
		expect(errors[0]).toBe('src/lib/walkthroughs/lessons/thu.json: title: must be non-empty text');
	});

	it('in a set each lesson has its own place in its topic (what it needs comes first)', () => {
		const file = (id: string) => `src/lib/walkthroughs/lessons/${id}.json`;
		const first = { ...good(), id: 'mot', order: 1 };
		const same = { ...good(), id: 'hai', order: 1 };
		const none = { ...good(), id: 'ba' };
		// (A set this small has other problems too: too few lessons; only `order` is looked at.)
		const orderProblems = (set: Array<{ file: string; data: unknown }>) =>
			validateContent(set).filter((e) => e.includes(': order:'));
		expect(
			orderProblems([
				{ file: file('mot'), data: first },
				{ file: file('hai'), data: { ...same, order: 2 } }
			])
		).toEqual([]);
		const errors = orderProblems([
			{ file: file('mot'), data: first },
			{ file: file('hai'), data: same },
			{ file: file('ba'), data: none }
		]);
		expect(errors).toEqual([
			`${file('hai')}: order: 1 is already used in topic thanh-toan by ${file('mot')}`,
			`${file('ba')}: order: needed, the lesson's place in its topic (1 = listed first)`
		]);
	});
});

describe('what the kiosk says outside lessons', () => {
	it('is Vietnamese words (the fixed phrases, the menus and their topics)', () => {
		expect(checkKioskWords()).toEqual([]);
		const welcome = PHRASES.welcome;
		try {
			PHRASES.welcome = 'Chào bác! Bác mở Shopee nhé.';
			expect(checkKioskWords()).toEqual([
				'src/lib/voice/phrases.js: welcome: the voice cannot say “Shopee” as Vietnamese: write it in Vietnamese words, or add it to SAID_AS (src/lib/voice/speakable.js)',
				// The home page begins with the welcome.
				'src/lib/walkthroughs/speech.js: homeSpeech: the voice cannot say “Shopee” as Vietnamese: write it in Vietnamese words, or add it to SAID_AS (src/lib/voice/speakable.js)'
			]);
		} finally {
			PHRASES.welcome = welcome;
		}
	});
});

describe('the shipped lessons', () => {
	it('are valid, and every spoken sentence has its pre-made audio', () => {
		const { schema, lessons } = checkSchema();
		expect(schema).toEqual([]);
		expect(lessons.length).toBeGreaterThanOrEqual(12);
		const audio = checkAudio(lessons);
		expect(audio.errors).toEqual([]);
		expect(audio.bytes).toBeLessThan(10 * 1024 * 1024);
	});
});
