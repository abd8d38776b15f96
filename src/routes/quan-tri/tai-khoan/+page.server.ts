import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { idParam, isProblem } from '$lib/server/http/problem';
import { neighborhoods } from '$lib/server/repositories/neighborhoods';
import {
	accounts,
	createAccount,
	parseNewAccount,
	resetSecret,
	revokeSessions,
	setDisabled,
	unlock
} from '$lib/server/services/accounts';
import type { Actor } from '$lib/domain/actor';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (({ locals }) => {
	requireRole(locals.actor, 'officer');
	const store = getApp().store;
	return { accounts: accounts(store), neighborhoods: neighborhoods(store.db) };
}) satisfies PageServerLoad;

type Done = { action: string; id?: number; message: string };

/** Runs one officer action on an account; a refusal becomes a form failure beside that row. */
async function onAccount(
	event: RequestEvent,
	action: string,
	run: (ctx: { actor: Actor; form: FormData; device: string; id: number }) => Promise<string>
) {
	const actor = requireRole(event.locals.actor, 'officer');
	const form = await event.request.formData();
	const idText = String(form.get('id') ?? '');
	try {
		const id = idParam(idText, 'tài khoản này');
		const device = deviceLabel(event.request, event.getClientAddress());
		const message = await run({ actor, form, device, id });
		return { action, id, message } satisfies Done;
	} catch (error) {
		if (!isProblem(error)) throw error;
		// `failed` and `field` let the row say it as a refusal, beside the field to correct.
		const refused = { action, id: Number(idText), message: error.message, failed: true };
		return fail(error.status, { ...refused, field: error.field });
	}
}

export const actions = {
	create: async (event) => {
		const actor = requireRole(event.locals.actor, 'officer');
		const form = await event.request.formData();
		const input = Object.fromEntries(
			['username', 'displayName', 'role', 'neighborhoodId', 'secret'].map((k) => [
				k,
				String(form.get(k) ?? '')
			])
		);
		try {
			const device = deviceLabel(event.request, event.getClientAddress());
			const store = getApp().store;
			const user = await createAccount(store, actor, parseNewAccount(input, store), device);
			return { action: 'create', id: user.id, message: `Đã tạo tài khoản ${user.username}.` };
		} catch (error) {
			if (!isProblem(error)) throw error;
			const { secret: _secret, ...kept } = input;
			return fail(error.status, {
				action: 'create',
				message: error.message,
				field: error.field,
				values: kept
			});
		}
	},
	disable: (event) =>
		onAccount(event, 'disable', async ({ actor, id, device }) => {
			const user = await setDisabled(getApp().store, actor, id, true, device);
			return `Đã ngừng ${user.username}; mọi phiên đăng nhập đã đóng.`;
		}),
	enable: (event) =>
		onAccount(event, 'enable', async ({ actor, id, device }) => {
			const user = await setDisabled(getApp().store, actor, id, false, device);
			return `Đã cho ${user.username} hoạt động lại.`;
		}),
	unlock: (event) =>
		onAccount(event, 'unlock', async ({ actor, id, device }) => {
			const user = await unlock(getApp().store, actor, id, device);
			return `Đã mở khoá ${user.username}.`;
		}),
	revoke: (event) =>
		onAccount(event, 'revoke', async ({ actor, id, device }) => {
			const user = await revokeSessions(getApp().store, actor, id, device);
			return `Đã đăng xuất ${user.username} khỏi mọi thiết bị.`;
		}),
	reset: (event) =>
		onAccount(event, 'reset', async ({ actor, id, device, form }) => {
			const secret = String(form.get('secret') ?? '');
			const user = await resetSecret(getApp().store, actor, id, secret, device);
			return `Đã đặt lại ${user.role === 'volunteer' ? 'mã PIN' : 'mật khẩu'} cho ${user.username}.`;
		})
} satisfies Actions;
