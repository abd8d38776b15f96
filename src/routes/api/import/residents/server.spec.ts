import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { demoAppForFile } from '$lib/server/app.testing';
import { isDryRun } from '$lib/server/http/import-form';
import { actorNamed, footprint } from '$lib/server/services/privacy.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { POST } from './+server';

/**
 * The import endpoint as a client meets it: the handler itself, called with a real multipart
 * request on a demo ward (the hooks' limits are tested in http/body-limits.spec.ts and end to
 * end in tests/checkin/import.spec.ts).
 */
let store: DataStore;
let officer: Actor;

const startedStore = demoAppForFile('ths-import-route-');
beforeAll(() => {
	store = startedStore();
	officer = actorNamed(store, 'quantri');
});

let serial = 0;
/**
 * A one-person list at an address no other test uses, of someone born in a year no other test
 * uses (the same name and year elsewhere in the khu phố is a likely duplicate).
 */
function list() {
	serial++;
	const street = `ngõ ${'bcdghklmnpqrstvx'[serial % 16]}${'aeiou'[serial % 5]}${serial}`;
	return `Họ và tên,Năm sinh,Địa chỉ,Khu phố\nTrần Văn Khải,${1900 + serial},Số ${serial} ${street},Khu phố 3\n`;
}

const CONSENT = { consentMethod: 'paper', consentTakenBy: 'Cán bộ phường' };

async function upload(query: string, fields: Record<string, string> = CONSENT, text = list()) {
	const form = new FormData();
	form.set('file', new File([text], 'ds.csv', { type: 'text/csv' }));
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	const url = new URL(`http://127.0.0.1/api/import/residents${query}`);
	const request = new Request(url, { method: 'POST', body: form });
	const event = { request, url, locals: { actor: officer } } as unknown as RequestEvent;
	const response = await (POST as (e: RequestEvent) => Promise<Response>)(event);
	return { status: response.status, body: await response.json() };
}

/** The consent stored for the latest person of this name. */
const consentOf = (name: string) =>
	store.db.get<{
		method: string;
		taken_by: string;
		taken_at: number;
		guardian_name: string | null;
	}>(
		`SELECT c.method, c.taken_by, c.taken_at, c.guardian_name FROM consents c
		 JOIN residents r ON r.id = c.resident_id WHERE r.full_name = ? ORDER BY r.id DESC LIMIT 1`,
		[name]
	);

describe('?dryRun', () => {
	it('previews for every value but absent, 0 and false, in any case', () => {
		const preview = (q: string) => isDryRun(new URLSearchParams(q));
		for (const q of ['dryRun=1', 'dryRun=true', 'dryRun=TRUE', 'dryRun=yes', 'dryRun=on']) {
			expect(preview(q), q).toBe(true);
		}
		for (const q of ['dryRun=', 'dryRun', 'dryRun=2', 'dryRun=no', 'dryRun=0&dryRun=1']) {
			expect(preview(q), q).toBe(true);
		}
		for (const q of ['', 'dryRun=0', 'dryRun=false', 'dryRun=FALSE', 'dryRun=%20False%20']) {
			expect(preview(q), q).toBe(false);
		}
		// Spelt another way, or sent as a form field beside the file.
		for (const q of ['dryrun=1', 'dry_run=1', 'DRY-RUN=yes']) expect(preview(q), q).toBe(true);
		const form = new FormData();
		form.set('dryRun', '1');
		expect(isDryRun(new URLSearchParams(''), form)).toBe(true);
		form.set('dryRun', '0');
		expect(isDryRun(new URLSearchParams(''), form)).toBe(false);
	});

	it('never stores anything on a preview, whatever the spelling', async () => {
		const before = footprint(store);
		for (const value of ['TRUE', 'True', 'yes', 'on', '']) {
			const r = await upload(`?dryRun=${value}`);
			expect([r.status, r.body.dryRun, r.body.imported], value).toEqual([200, true, 1]);
		}
		expect(footprint(store)).toEqual(before);
	});

	it('commits when asked not to preview', async () => {
		for (const query of ['', '?dryRun=0', '?dryRun=FALSE']) {
			const r = await upload(query);
			expect([r.status, r.body.dryRun, r.body.imported], query).toEqual([201, false, 1]);
		}
	});
});

describe('consent', () => {
	it('is required to import: a list without it stores nothing and names what is missing', async () => {
		const before = footprint(store);
		const none = await upload('', {});
		expect(none).toEqual({
			status: 400,
			body: {
				status: 'error',
				reason: 'consent_required',
				message:
					'Cần ghi sự đồng ý của người dân trước khi nhập: thiếu cách người dân đồng ý ' +
					'(consentMethod: paper, verbal hoặc guardian) và người nhận sự đồng ý (consentTakenBy).',
				fields: ['consentMethod', 'consentTakenBy']
			}
		});
		const noTaker = await upload('', { consentMethod: 'verbal', consentTakenBy: ' ' });
		expect([noTaker.status, noTaker.body.fields]).toEqual([400, ['consentTakenBy']]);
		const wrong = await upload('', { consentMethod: 'email', consentTakenBy: 'Cán bộ phường' });
		expect(wrong.body.message).toBe(
			'Cần ghi sự đồng ý của người dân trước khi nhập: chưa đúng cách người dân đồng ý ' +
				'(consentMethod: paper, verbal hoặc guardian).'
		);
		const future = await upload('', { ...CONSENT, consentAt: '2999-01-01T00:00:00Z' });
		expect([future.status, future.body.fields]).toEqual([400, ['consentAt']]);
		expect(footprint(store)).toEqual(before);
	});

	it('a preview without it still shows the rows, and says consent is missing', async () => {
		const before = footprint(store);
		const r = await upload('?dryRun=1', { consentMethod: 'paper' });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ imported: 1, errors: [], dryRun: true });
		expect(r.body.rows).toHaveLength(1);
		expect(r.body.consentProblem).toEqual({
			fields: ['consentTakenBy'],
			message:
				'Cần ghi sự đồng ý của người dân trước khi nhập: thiếu người nhận sự đồng ý (consentTakenBy).'
		});
		expect((await upload('?dryRun=1')).body).not.toHaveProperty('consentProblem');
		expect(footprint(store)).toEqual(before);
	});

	it('is stored as sent: how, who took it, and when', async () => {
		const at = '2026-11-20T08:30:00+07:00';
		// A guardian's consent names the guardian, in the list's "Người giám hộ" column.
		const text =
			'Họ và tên,Năm sinh,Địa chỉ,Khu phố,Người giám hộ\nLưu Thị Quyên,1951,Số 2 ngõ Quyên,Khu phố 3,Lưu Văn Tâm\n';
		const r = await upload(
			'',
			{ consentMethod: 'guardian', consentTakenBy: 'Trưởng khu phố 3', consentAt: at },
			text
		);
		expect(r.status).toBe(201);
		expect(consentOf('Lưu Thị Quyên')).toEqual({
			method: 'guardian',
			taken_by: 'Trưởng khu phố 3',
			taken_at: Date.parse(at),
			guardian_name: 'Lưu Văn Tâm'
		});
	});
});

describe("a child's consent (Decree 13/2023/NĐ-CP, Art. 20)", () => {
	const header = 'Họ và tên,Năm sinh,Địa chỉ,Khu phố';

	it('is a row error without a guardian, in the preview too, and nothing is imported', async () => {
		const before = footprint(store);
		const text = `${header}\nPhan Văn Lớn,1961,Số 8 ngõ Phan,Khu phố 4\nPhan Minh Bé,2016,Số 8 ngõ Phan,Khu phố 4\n`;
		const preview = await upload('?dryRun=1', CONSENT, text);
		expect(preview.status).toBe(422);
		expect(preview.body.errors).toEqual([
			{
				row: 3,
				message:
					'Người dưới 18 tuổi cần người giám hộ đồng ý: ghi họ tên người giám hộ ở cột “Người giám hộ”.'
			}
		]);
		expect(preview.body.rows.map((r: { kind: string }) => r.kind)).toEqual(['ok', 'error']);
		const commit = await upload('', CONSENT, text);
		expect(commit.status).toBe(422);
		expect(commit.body.imported).toBe(0);
		expect(footprint(store)).toEqual(before);
	});

	it("is the guardian's named in the row: that row's consent, the others' the list's", async () => {
		const text = `${header},consentGuardian\nHồ Văn Cha,1970,Số 9 ngõ Hồ,Khu phố 4,\nHồ Thị Con,2015,Số 9 ngõ Hồ,Khu phố 4,  Hồ Văn Cha \n`;
		const r = await upload('', CONSENT, text);
		expect(r.status).toBe(201);
		expect(r.body.imported).toBe(2);
		expect(consentOf('Hồ Văn Cha')).toMatchObject({ method: 'paper', guardian_name: null });
		expect(consentOf('Hồ Thị Con')).toMatchObject({
			method: 'guardian',
			taken_by: 'Cán bộ phường',
			guardian_name: 'Hồ Văn Cha'
		});
	});

	it("with the list's guardian consent, asks each row for its guardian's name", async () => {
		const text = `${header},Họ tên người giám hộ\nĐinh Thị Nhỏ,2018,Số 10 ngõ Đinh,Khu phố 4,\nĐinh Văn Út,2019,Số 10 ngõ Đinh,Khu phố 4,Đinh 2\n`;
		const r = await upload(
			'?dryRun=1',
			{ consentMethod: 'guardian', consentTakenBy: 'Cán bộ phường' },
			text
		);
		expect(r.body.errors.map((e: { message: string }) => e.message)).toEqual([
			'Cần ghi họ tên người giám hộ ở cột “Người giám hộ”.',
			'Họ tên người giám hộ có ký tự không dùng được: “2”.'
		]);
	});
});

describe('names in a list', () => {
	it('imports an Ê Đê name typed with a curly apostrophe, stored with the straight one', async () => {
		const text = `Họ và tên,Năm sinh,Địa chỉ,Khu phố\nH’HEN NIÊ,1961,Số 4 buôn Ko Sier,Khu phố 5\n`;
		const r = await upload('', CONSENT, text);
		expect(r.status).toBe(201);
		expect(r.body.imported).toBe(1);
		expect(
			store.db.value<string>(
				"SELECT full_name FROM residents WHERE name_folded = 'h hen nie' AND birth_year = 1961"
			)
		).toBe("H'Hen Niê");
	});
});
