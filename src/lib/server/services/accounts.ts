import type { Actor, Role } from '../../domain/actor';
import { cleanText } from '../../domain/text';
import { hashSecret, isGuessablePin, isPin } from '../auth/secrets';
import { Problem } from '../http/problem';
import type { CreateAccountPayload } from '../ops/accounts';
import {
	findAccount,
	listAccounts,
	neighborhoodExists,
	usernameTaken,
	type Account
} from '../repositories/users';
import type { DataStore } from '../store/data-store';

const ROLES: Role[] = ['officer', 'head', 'volunteer'];
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
// Letters (any script), digits, spaces and a little punctuation: no markup, no control codes.
// At least two letters: the name stands in lists and the audit log ("--" says nobody).
const DISPLAY_NAME = /^(?=(?:[^\p{L}]*\p{L}){2})[\p{L}\p{M}\p{N} .,'()-]{2,80}$/u;

export interface NewAccount {
	username: string;
	displayName: string;
	role: Role;
	neighborhoodId: number | null;
	secret: string;
}

const bad = (field: string, message: string) => new Problem(400, 'invalid', message, field);

/** A volunteer's PIN is 6 digits; a password is 8–128 characters with a letter and a digit. */
export function checkSecret(role: Role, secret: unknown): string {
	if (typeof secret !== 'string') throw bad('secret', 'Cần mật khẩu hoặc mã PIN.');
	if (role === 'volunteer') {
		if (!isPin(secret)) throw bad('secret', 'Mã PIN của tình nguyện viên phải đúng 6 chữ số.');
		if (isGuessablePin(secret)) {
			throw bad('secret', 'Mã PIN này dễ đoán quá (số lặp lại hoặc liền nhau). Xin chọn mã khác.');
		}
		return secret;
	}
	if (secret.length < 8 || secret.length > 128 || !/\p{L}/u.test(secret) || !/\d/.test(secret)) {
		throw bad('secret', 'Mật khẩu cần từ 8 ký tự, có cả chữ và số.');
	}
	return secret;
}

const taken = () =>
	new Problem(409, 'username_taken', 'Tên đăng nhập này đã có người dùng.', 'username');

/**
 * Validates a new account from a JSON body or a form (all values arrive unknown). Given the
 * store, a taken username is said before the other fields: said last, the officer corrected
 * the password, typed it again, and only then heard that the name was taken.
 */
export function parseNewAccount(input: Record<string, unknown>, store?: DataStore): NewAccount {
	const username = typeof input.username === 'string' ? input.username.trim().toLowerCase() : '';
	if (!USERNAME.test(username)) {
		throw bad(
			'username',
			'Tên đăng nhập gồm 3–32 chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.'
		);
	}
	if (store && usernameTaken(store.db, username)) throw taken();
	const displayName = typeof input.displayName === 'string' ? cleanText(input.displayName) : '';
	if (!DISPLAY_NAME.test(displayName)) {
		throw bad(
			'displayName',
			'Họ tên hiển thị dài 2–80 ký tự, có ít nhất 2 chữ cái, không có ký hiệu lạ.'
		);
	}
	const role = input.role as Role;
	if (!ROLES.includes(role))
		throw bad('role', 'Vai trò phải là cán bộ, trưởng khu phố hoặc tình nguyện viên.');
	let neighborhoodId: number | null = null;
	if (role === 'head') {
		const raw =
			typeof input.neighborhoodId === 'string'
				? Number(input.neighborhoodId)
				: input.neighborhoodId;
		if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 1) {
			throw bad('neighborhoodId', 'Trưởng khu phố cần chọn khu phố.');
		}
		neighborhoodId = raw;
	}
	return { username, displayName, role, neighborhoodId, secret: checkSecret(role, input.secret) };
}

export function accounts(store: DataStore, now = Date.now()): Account[] {
	return listAccounts(store.db, now);
}

export function account(store: DataStore, id: number, now = Date.now()): Account {
	const found = findAccount(store.db, id, now);
	if (!found) throw new Problem(404, 'not_found', 'Không tìm thấy tài khoản này.');
	return found;
}

export async function createAccount(
	store: DataStore,
	actor: Actor,
	input: NewAccount,
	device: string
): Promise<Account> {
	if (usernameTaken(store.db, input.username)) throw taken();
	if (input.neighborhoodId !== null && !neighborhoodExists(store.db, input.neighborhoodId)) {
		throw bad('neighborhoodId', 'Không có khu phố này.');
	}
	const payload: CreateAccountPayload = {
		username: input.username,
		displayName: input.displayName,
		role: input.role,
		neighborhoodId: input.neighborhoodId,
		secretHash: await hashSecret(input.secret),
		device
	};
	const { id } = await store.write<{ id: number }>('accounts.create', payload, actor.id);
	return account(store, id);
}

/** The officer cannot shut themselves out (there may be no other officer to let them in). */
function refuseSelfDisable(actor: Actor, userId: number, disabled: boolean): void {
	if (disabled && userId === actor.id) {
		throw new Problem(409, 'self', 'Không thể tự ngừng tài khoản của chính mình.');
	}
}

export async function setDisabled(
	store: DataStore,
	actor: Actor,
	userId: number,
	disabled: boolean,
	device: string
): Promise<Account> {
	refuseSelfDisable(actor, userId, disabled);
	account(store, userId);
	await store.write('accounts.setDisabled', { userId, disabled, device }, actor.id);
	return account(store, userId);
}

export async function resetSecret(
	store: DataStore,
	actor: Actor,
	userId: number,
	secret: unknown,
	device: string
): Promise<Account> {
	const target = account(store, userId);
	const checked = checkSecret(target.role, secret);
	const secretHash = await hashSecret(checked);
	await store.write('accounts.resetSecret', { userId, secretHash, device }, actor.id);
	return account(store, userId);
}

/** What the API's PATCH may change on an account, as it arrived (checked here). */
export interface AccountChange {
	disabled?: boolean;
	secret?: unknown;
}

/**
 * Several changes to one account at once. Every refusal is found before anything is written,
 * and the changes go in one op: a refused request (the officer stopping their own account
 * along with a new password) must change nothing, not sign them out with a password they
 * were told was not set.
 */
export async function updateAccount(
	store: DataStore,
	actor: Actor,
	userId: number,
	change: AccountChange,
	device: string
): Promise<Account> {
	const target = account(store, userId);
	if (change.disabled !== undefined) refuseSelfDisable(actor, userId, change.disabled);
	const secretHash =
		change.secret === undefined
			? undefined
			: await hashSecret(checkSecret(target.role, change.secret));
	const payload = { userId, disabled: change.disabled, secretHash, device };
	await store.write('accounts.update', payload, actor.id);
	return account(store, userId);
}

export async function unlock(store: DataStore, actor: Actor, userId: number, device: string) {
	account(store, userId);
	await store.write('accounts.unlock', { userId, device }, actor.id);
	return account(store, userId);
}

export async function revokeSessions(
	store: DataStore,
	actor: Actor,
	userId: number,
	device: string
) {
	account(store, userId);
	await store.write('accounts.revokeSessions', { userId, device }, actor.id);
	return account(store, userId);
}
