import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { demoAppForFile } from '$lib/server/app.testing';
import { requestEvent } from '$lib/server/http/request-event.testing';
import { actorNamed } from '$lib/server/services/privacy.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { POST } from './+server';
import { GET as exportPerson } from './[id]/export/+server';

/**
 * POST /api/residents as a client meets it, for a child's consent (Decree 13/2023/NĐ-CP,
 * Art. 20): the handler itself on a demo ward, and the person's JSON export after it.
 */
let store: DataStore;
let volunteer: Actor;
let officer: Actor;
const startedStore = demoAppForFile('ths-resident-post-');
beforeAll(() => {
	store = startedStore();
	volunteer = actorNamed(store, 'tinhnguyen2');
	officer = actorNamed(store, 'quantri');
});

type Handler = (e: RequestEvent) => Promise<Response>;

async function post(body: unknown) {
	const request = new Request('http://127.0.0.1/api/residents', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const response = await (POST as Handler)(requestEvent(request, {}, volunteer));
	return { status: response.status, body: await response.json() };
}

/** A person for Khu phố 6's first household; `birthYear` and `consent` as the test says. */
const person = (fullName: string, birthYear: number, consent: Record<string, unknown>) => ({
	householdId: store.db.value<number>('SELECT min(id) FROM households WHERE neighborhood_id = 6'),
	fullName,
	birthYear,
	relationship: 'Cháu',
	consent: { takenBy: 'Tình nguyện viên 2', ...consent }
});

const residents = () => store.db.value<number>('SELECT count(*) FROM residents');

describe("POST /api/residents: a child's consent", () => {
	it('refuses a child with signed paper or verbal consent (400 guardian_required), storing nothing', async () => {
		const before = residents();
		for (const method of ['paper', 'verbal']) {
			const r = await post(person('Đào Minh Nhí', 2016, { method, guardianName: 'Đào Thị Mẹ' }));
			expect(r).toEqual({
				status: 400,
				body: {
					status: 'error',
					reason: 'guardian_required',
					message:
						'Người dưới 18 tuổi cần người giám hộ đồng ý: chọn “Người giám hộ đồng ý” và ghi tên người giám hộ.'
				}
			});
		}
		expect(residents()).toBe(before);
	});

	it("refuses a guardian's consent without the guardian's name, or with a name that is none", async () => {
		const before = residents();
		const missing = await post(person('Đào Minh Nhí', 2016, { method: 'guardian' }));
		expect(missing).toEqual({
			status: 400,
			body: {
				status: 'error',
				reason: 'guardian_name_required',
				message: 'Cần ghi họ tên người giám hộ.'
			}
		});
		// An adult under guardianship too: any guardian's consent names the guardian.
		const adult = await post(person('Đào Văn Già', 1950, { method: 'guardian', guardianName: '' }));
		expect(adult.body.reason).toBe('guardian_name_required');
		const bad = await post(
			person('Đào Minh Nhí', 2016, { method: 'guardian', guardianName: '12' })
		);
		expect(bad).toEqual({
			status: 400,
			body: {
				status: 'error',
				reason: 'invalid_guardian_name',
				message: 'Họ tên người giám hộ có ký tự không dùng được: “1”, “2”.'
			}
		});
		expect(residents()).toBe(before);
	});

	it("stores the guardian's name (trimmed, NFC) and the JSON export gives it back", async () => {
		const nfd = '  Trần   Thị Hoa '.normalize('NFD');
		const r = await post(person('Đào Minh Nhí', 2016, { method: 'guardian', guardianName: nfd }));
		expect(r.status).toBe(201);
		const request = new Request(`http://127.0.0.1/api/residents/${r.body.id}/export`);
		const exported = await (exportPerson as Handler)(
			requestEvent(request, { id: String(r.body.id) }, officer)
		);
		const data = await exported.json();
		expect(data.consents).toEqual([
			expect.objectContaining({
				method: 'guardian',
				takenBy: 'Tình nguyện viên 2',
				guardianName: 'Trần Thị Hoa'
			})
		]);
	});

	it('saves an adult with paper consent exactly as before: the same answer, no guardian', async () => {
		const r = await post(person('Đào Văn Lớn', 1980, { method: 'paper' }));
		expect(r.status).toBe(201);
		expect(Object.keys(r.body).sort()).toEqual(
			[
				'address',
				'birthYear',
				'cardCode',
				'createdAt',
				'fullName',
				'householdId',
				'id',
				'neighborhoodId',
				'neighborhoodName',
				'phone',
				'relationship'
			].sort()
		);
		expect(
			store.db.get('SELECT method, guardian_name FROM consents WHERE resident_id = ?', [r.body.id])
		).toEqual({ method: 'paper', guardian_name: null });
	});
});

describe('POST /api/residents: the name', () => {
	it('takes the curly apostrophe an iPhone types, and stores the straight one', async () => {
		const r = await post(person('H’Hen Niê', 1960, { method: 'paper' }));
		expect(r.status).toBe(201);
		expect(r.body.fullName).toBe("H'Hen Niê");
	});

	it('says what is wrong with a refused name (the reason stays invalid_name)', async () => {
		const before = residents();
		const refused = async (fullName: string) =>
			(await post(person(fullName, 1960, { method: 'paper' }))).body;
		expect(await refused('Đào Văn Dài '.repeat(10))).toEqual({
			status: 'error',
			reason: 'invalid_name',
			message: 'Họ tên quá dài (tối đa 100 ký tự).'
		});
		expect(await refused('<b>Đào Văn In</b>')).toMatchObject({
			reason: 'invalid_name',
			message: 'Họ tên có ký tự không dùng được: “<”, “>”, “/”.'
		});
		expect(await refused('  ')).toMatchObject({ reason: 'invalid_name', message: 'Thiếu họ tên.' });
		expect(residents()).toBe(before);
	});
});
