import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt parameters: ~50 ms per check on this class of machine, slow for guessing. */
const PARAMS: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, PARAMS, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

/** `scrypt$N$r$p$salt$hash`, all in one column so parameters can change later. */
export async function hashSecret(secret: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(secret, salt);
	return [
		'scrypt',
		PARAMS.N,
		PARAMS.r,
		PARAMS.p,
		salt.toString('base64'),
		key.toString('base64')
	].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
	const [kind, n, r, p, salt, hash] = stored.split('$');
	if (kind !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64');
	const key = await new Promise<Buffer>((resolve, reject) =>
		scrypt(
			secret.normalize('NFC'),
			Buffer.from(salt, 'base64'),
			expected.length,
			{ N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem },
			(error, derived) => (error ? reject(error) : resolve(derived))
		)
	);
	return timingSafeEqual(key, expected);
}

/** A volunteer PIN is exactly six digits. */
export const isPin = (secret: string): boolean => /^\d{6}$/.test(secret);

/**
 * A PIN anyone would try first: one digit six times (111111) or a run up or down (123456,
 * 987654). Five tries lock an account, so these are the ones that matter.
 */
export function isGuessablePin(pin: string): boolean {
	const steps = new Set([...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10));
	return steps.size === 1 && [0, 1, 9].includes([...steps][0]);
}
