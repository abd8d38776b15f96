import fc from 'fast-check';

/**
 * Generators of hostile input for every JSON endpoint (property-based tests only). The values
 * are chosen to be wrong: odd types, boundary numbers, markup, SQL, control characters,
 * prototype keys, deep nesting, very long text. Booleans are left out of flat values so that
 * a generated body cannot by chance be a valid one (e.g. `{"disabled": false}`).
 */
export const FIELD_NAMES = [
	'username',
	'secret',
	'displayName',
	'role',
	'neighborhoodId',
	'disabled',
	'code',
	'sessionId',
	'nonce',
	'scannedAt',
	'source',
	'householdId',
	'fullName',
	'birthYear',
	'phone',
	'consent',
	'method',
	'takenBy',
	'at',
	'address',
	'headName',
	'title',
	'startsAt',
	'place',
	'topic',
	'skill',
	'evidence',
	'walkthroughId',
	'kiosk',
	'step',
	'kind',
	'percent',
	'metric',
	'deadline',
	'id',
	'__proto__',
	'constructor',
	'prototype'
];

const NASTY_STRINGS = [
	'',
	' ',
	'<img src=x onerror=alert(1)>',
	'<script>alert(1)</script>',
	"'; DROP TABLE residents; --",
	'" OR 1=1 --',
	'=HYPERLINK("http://evil.example","bấm")',
	'../../etc/passwd',
	'\u0000',
	'\u202e\u0645',
	'\ud800',
	'NaN',
	'Infinity',
	'-1',
	'1e309',
	'0x10',
	'null',
	'undefined',
	'{}',
	'[]',
	'Nguyễn Văn A'.normalize('NFD'),
	'🙂'.repeat(50),
	'a'.repeat(5000)
];

const NASTY_NUMBERS = [
	-1,
	0,
	-0,
	1.5,
	1e308,
	-1e308,
	Number.MAX_SAFE_INTEGER + 2,
	Number.MIN_SAFE_INTEGER,
	2 ** 31,
	999_999_999_999
];

const scalar: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(...NASTY_STRINGS),
	fc.constantFrom(...NASTY_NUMBERS),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.constant(null)
);

const nested: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		scalar,
		fc.boolean(),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('value'), { maxKeys: 4 })
	)
})).value;

/** An object with our field names and wrong values. */
export const hostileObject = fc.dictionary(
	fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })),
	fc.oneof(scalar, nested),
	{ minKeys: 0, maxKeys: 8 }
);

/** A whole request body as text, with the content type it claims. */
export interface HostileBody {
	text: string;
	contentType: string;
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
	hostileObject.map((o) => ({ text: JSON.stringify(o), contentType: 'application/json' })),
	nested.map((v) => ({ text: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
	fc
		.constantFrom(
			'',
			'{',
			'{"a":',
			'nul',
			'[]',
			'null',
			'"chuỗi"',
			'1',
			'\uFEFF{}',
			'{"__proto__":{"isAdmin":true}}',
			deep(5000),
			`{"fullName":"${'x'.repeat(70_000)}"}`
		)
		.map((text) => ({ text, contentType: 'application/json' })),
	fc.record({
		text: fc.string({ maxLength: 200 }),
		contentType: fc.constantFrom(
			'application/json',
			'text/plain',
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=xyz',
			'application/octet-stream'
		)
	})
);

/** A route parameter no record has: text, negatives, fractions, huge or SQL. */
export const hostileParam = fc.oneof(
	fc.constantFrom(
		'0',
		'-1',
		'1.5',
		'1e3',
		'abc',
		'999999999',
		'99999999999999999999999',
		"1'; DROP TABLE users; --",
		'%00',
		'null',
		'<img src=x>',
		'Nguyễn'
	),
	fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^\d{1,5}$/.test(s))
);

const QUERY_KEYS = [
	'q',
	'date',
	'from',
	'to',
	'neighborhood',
	'actor',
	'subject',
	'action',
	'limit',
	'before',
	'format',
	'id',
	'dryRun',
	'topic'
];

/** A query string with our parameter names and hostile values. */
export const hostileQuery = fc
	.dictionary(
		fc.constantFrom(...QUERY_KEYS),
		fc.oneof(
			fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 200)),
			fc.constantFrom('2026-02-30', '31/12/2026', '9999-99-99', '-5', '0', '100000'),
			fc.string({ maxLength: 30 })
		),
		{ maxKeys: 4 }
	)
	.map((params) => new URLSearchParams(params as Record<string, string>).toString());
