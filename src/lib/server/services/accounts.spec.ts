import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delayAfterFailures, waitBeforeNextTry } from '../auth/lockout';
import { actorForToken, login, SESSION_HOURS } from '../auth/sessions';
import { isProblem } from '../http/problem';
import type { Store } from '../store/store';
import {
	createAccount,
	parseNewAccount,
	resetSecret,
	revokeSessions,
	setDisabled,
	unlock,
	updateAccount
} from './accounts';
import { actorNamed, clock, demoStore } from './privacy.testing';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

const audits = (action: string, subject: string) =>
	store.db.value<number>('SELECT count(*) FROM audit_log WHERE action = ? AND subject = ?', [
		action,
		subject
	]);
const DEVICE = '127.0.0.1 vitest';
/** Signs in at the store's clock, as the route would. */
const tryLogin = (username: string, secret: string) =>
	login(store, username, secret, DEVICE, clock.now);
const step = (ms: number) => (clock.now += ms);
const refusal = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		if (isProblem(error)) return `${error.status} ${error.reason} ${error.field ?? ''}`.trim();
		throw error;
	}
	return 'accepted';
};

describe('the lockout policy', () => {
	it('waits longer after each failure from the third on', () => {
		expect([0, 1, 2, 3, 4].map(delayAfterFailures)).toEqual([0, 0, 0, 1000, 2000]);
		expect(waitBeforeNextTry(4, 10_000, 10_500)).toBe(1500);
		expect(waitBeforeNextTry(4, 10_000, 13_000)).toBe(0);
		expect(waitBeforeNextTry(0, null, 1)).toBe(0);
	});
});

describe('signing in', () => {
	it('locks after 5 failures, makes tries wait in between, and the officer unlocks', async () => {
		const user = actorNamed(store, 'truongkhu2');
		const results: string[] = [];
		while (results.length < 12 && results.at(-1) !== 'locked') {
			const result = await tryLogin('truongkhu2', 'sai-mat-khau');
			if (!result.ok && result.reason === 'too_soon') {
				results.push(`wait ${result.retryAfterSeconds}s`);
				step(result.retryAfterSeconds * 1000);
			} else {
				results.push(result.ok ? 'ok' : result.reason);
			}
		}
		expect(results).toEqual([
			'bad_credentials',
			'bad_credentials',
			'bad_credentials',
			'wait 1s',
			'bad_credentials',
			'wait 2s',
			'locked'
		]);
		step(60_000);
		// Locked: even the right password opens nothing until the officer acts.
		expect(await tryLogin('truongkhu2', 'hatu2026')).toEqual({ ok: false, reason: 'locked' });
		expect(audits('auth.locked', `user:${user.id}`)).toBe(1);
		expect(audits('auth.login_failed', 'username:truongkhu2')).toBe(5);

		await unlock(store, actorNamed(store, 'quantri'), user.id, DEVICE);
		expect(audits('account.unlock', `user:${user.id}`)).toBe(1);
		const after = await tryLogin('truongkhu2', 'hatu2026');
		expect(after.ok).toBe(true);
	});

	it('treats an unknown username like a wrong password and records the failure', async () => {
		const result = await tryLogin('khong-co-ai', 'hatu2026');
		expect(result).toEqual({ ok: false, reason: 'bad_credentials' });
		expect(audits('auth.login_failed', 'username:khong-co-ai')).toBe(1);
	});

	it('records each sign-in with the device', async () => {
		const user = actorNamed(store, 'truongkhu3');
		expect((await tryLogin('TruongKhu3 ', 'hatu2026')).ok).toBe(true);
		const row = store.db.get<{ device: string; actor_id: number }>(
			"SELECT device, actor_id FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC"
		);
		expect(row).toEqual({ device: DEVICE, actor_id: user.id });
	});
});

describe('the ward’s last working officer', () => {
	/** Wrong secrets until `n` of them were checked, waiting as told: what each try answered. */
	async function failTimes(username: string, n: number) {
		const seen: string[] = [];
		for (let checked = 0; checked < n;) {
			const result = await tryLogin(username, 'sai-mat-khau');
			if (!result.ok && result.reason === 'too_soon') {
				seen.push(`wait ${result.retryAfterSeconds}s`);
				step(result.retryAfterSeconds * 1000);
			} else {
				checked++;
				seen.push(result.ok ? 'ok' : result.reason);
			}
		}
		return seen;
	}

	it('is slowed by wrong passwords, up to a minute a try, but never locked', async () => {
		// Anyone who knows "quantri" could lock it, and only an officer can unlock one.
		const quantri = actorNamed(store, 'quantri');
		const seen = await failTimes('quantri', 11);
		expect(seen).not.toContain('locked');
		expect(seen.filter((s) => s.startsWith('wait')).slice(-3)).toEqual([
			'wait 32s',
			'wait 64s',
			'wait 64s'
		]);
		expect(audits('auth.locked', `user:${quantri.id}`)).toBe(0);
		step(64_000);
		expect((await tryLogin('quantri', 'hatu2026')).ok).toBe(true);
	});

	it('is locked like anyone once another officer can unlock them', async () => {
		const quantri = actorNamed(store, 'quantri');
		const input = parseNewAccount({
			username: 'canbo.ba',
			displayName: 'Cán bộ Ba',
			role: 'officer',
			secret: 'canbo3-2026'
		});
		const second = await createAccount(store, quantri, input, DEVICE);
		expect((await failTimes('quantri', 5)).at(-1)).toBe('locked');
		// canbo.ba is the last working officer now: not locked in turn.
		expect(await failTimes('canbo.ba', 6)).not.toContain('locked');
		step(64_000);
		await unlock(store, actorNamed(store, 'canbo.ba'), quantri.id, DEVICE);
		expect((await tryLogin('quantri', 'hatu2026')).ok).toBe(true);
		await setDisabled(store, quantri, second.id, true, DEVICE);
	});
});

describe('sessions', () => {
	it('expire after their shift', async () => {
		const result = await tryLogin('tinhnguyen2', '246810');
		if (!result.ok) throw new Error('sign-in failed');
		expect(actorForToken(store, result.token, clock.now)?.username).toBe('tinhnguyen2');
		const end = clock.now + SESSION_HOURS * 3600_000;
		expect(actorForToken(store, result.token, end - 1)?.username).toBe('tinhnguyen2');
		expect(actorForToken(store, result.token, end)).toBeNull();
	});

	it('are revoked by the officer, by disabling and by a reset', async () => {
		const officer = actorNamed(store, 'quantri');
		const user = actorNamed(store, 'tinhnguyen3');
		const signIn = async () => {
			const r = await tryLogin('tinhnguyen3', '246810');
			if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
			return r.token;
		};
		const a = await signIn();
		const b = await signIn();
		await revokeSessions(store, officer, user.id, DEVICE);
		expect([actorForToken(store, a, clock.now), actorForToken(store, b, clock.now)]).toEqual([
			null,
			null
		]);
		expect(audits('account.revoke_sessions', `user:${user.id}`)).toBe(1);

		const c = await signIn();
		await setDisabled(store, officer, user.id, true, DEVICE);
		expect(actorForToken(store, c, clock.now)).toBeNull();
		expect(await tryLogin('tinhnguyen3', '246810')).toEqual({ ok: false, reason: 'disabled' });
		await setDisabled(store, officer, user.id, false, DEVICE);

		const d = await signIn();
		await resetSecret(store, officer, user.id, '135790', DEVICE);
		expect(actorForToken(store, d, clock.now)).toBeNull();
		expect((await tryLogin('tinhnguyen3', '246810')).ok).toBe(false);
		step(10_000);
		expect((await tryLogin('tinhnguyen3', '135790')).ok).toBe(true);
		expect(audits('account.reset_secret', `user:${user.id}`)).toBe(1);
		expect(audits('account.disable', `user:${user.id}`)).toBe(1);
	});

	it('an officer cannot disable their own account', async () => {
		const officer = actorNamed(store, 'quantri');
		await expect(setDisabled(store, officer, officer.id, true, DEVICE)).rejects.toMatchObject({
			reason: 'self'
		});
	});

	it('two officers stopping each other at once leave the last one working', async () => {
		const quantri = actorNamed(store, 'quantri');
		const input = parseNewAccount({
			username: 'canbo.hai',
			displayName: 'Cán bộ Hai',
			role: 'officer',
			secret: 'canbo2-2026'
		});
		const second = await createAccount(store, quantri, input, DEVICE);
		// Each signed in and tapped "Ngừng" on the other's row; quantri's request landed first.
		await setDisabled(store, quantri, second.id, true, DEVICE);
		await expect(
			setDisabled(store, actorNamed(store, 'canbo.hai'), quantri.id, true, DEVICE)
		).rejects.toMatchObject({ status: 409, reason: 'last_officer' });
		expect(store.db.value('SELECT disabled FROM users WHERE id = ?', [quantri.id])).toBe(0);
		expect(audits('account.disable', `user:${quantri.id}`)).toBe(0);
		// The API's PATCH takes the same way through the op.
		await expect(
			updateAccount(store, actorNamed(store, 'canbo.hai'), quantri.id, { disabled: true }, DEVICE)
		).rejects.toMatchObject({ reason: 'last_officer' });
		await setDisabled(store, quantri, second.id, false, DEVICE);
	});
});

describe('creating accounts', () => {
	it('checks every field and says which one is wrong', () => {
		const valid = {
			username: 'tnv.moi',
			displayName: 'Lê Thị Hoa',
			role: 'volunteer',
			secret: '482915'
		};
		expect(refusal(() => parseNewAccount(valid))).toBe('accepted');
		expect(refusal(() => parseNewAccount({ ...valid, username: 'A B' }))).toBe(
			'400 invalid username'
		);
		expect(refusal(() => parseNewAccount({ ...valid, displayName: '<img src=x>' }))).toBe(
			'400 invalid displayName'
		);
		for (const displayName of ['--', '12', "(.) '-'", 'A 1', 'Ａ-']) {
			expect(refusal(() => parseNewAccount({ ...valid, displayName }))).toBe(
				'400 invalid displayName'
			);
		}
		for (const displayName of ['Tổ 3', 'Lý A', 'Tình nguyện viên 2']) {
			expect(refusal(() => parseNewAccount({ ...valid, displayName }))).toBe('accepted');
		}
		expect(refusal(() => parseNewAccount({ ...valid, role: 'admin' }))).toBe('400 invalid role');
		expect(refusal(() => parseNewAccount({ ...valid, secret: '12345' }))).toBe(
			'400 invalid secret'
		);
		// The PINs anyone tries first (five tries lock the account).
		for (const secret of ['111111', '123456', '654321', '890123', '000000']) {
			expect(
				refusal(() => parseNewAccount({ ...valid, secret })),
				secret
			).toBe('400 invalid secret');
		}
		for (const secret of ['246810', '135790', '112233']) {
			expect(
				refusal(() => parseNewAccount({ ...valid, secret })),
				secret
			).toBe('accepted');
		}
		expect(refusal(() => parseNewAccount({ ...valid, role: 'head', secret: 'matkhau2026' }))).toBe(
			'400 invalid neighborhoodId'
		);
		expect(refusal(() => parseNewAccount({ ...valid, role: 'officer', secret: 'chiconchu' }))).toBe(
			'400 invalid secret'
		);
	});

	it('says a taken username before a weak secret, when it has the store to look in', () => {
		const input = { username: 'TinhNguyen1', displayName: 'Ai Đó', role: 'volunteer', secret: '1' };
		expect(refusal(() => parseNewAccount(input, store))).toBe('409 username_taken username');
		expect(refusal(() => parseNewAccount(input))).toBe('400 invalid secret');
	});

	it('creates a head who can sign in, refuses a taken username, and audits it', async () => {
		const officer = actorNamed(store, 'quantri');
		const input = parseNewAccount({
			username: 'truongkhu9',
			displayName: 'Phạm Văn Chín',
			role: 'head',
			neighborhoodId: 3,
			secret: 'khupho9-2026'
		});
		const created = await createAccount(store, officer, input, DEVICE);
		expect(created).toMatchObject({ role: 'head', neighborhoodName: 'Khu phố 3', locked: false });
		expect(JSON.stringify(created)).not.toContain('scrypt');
		await expect(createAccount(store, officer, input, DEVICE)).rejects.toMatchObject({
			status: 409,
			reason: 'username_taken'
		});
		const signedIn = await tryLogin('truongkhu9', 'khupho9-2026');
		expect(signedIn.ok && signedIn.actor.neighborhoodId).toBe(3);
		expect(audits('account.create', `user:${created.id}`)).toBe(1);
	});
});
