/** A scan's identity, made on the device: the server answers a repeat of it as the first time. */
export function newNonce(): string {
	// crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
