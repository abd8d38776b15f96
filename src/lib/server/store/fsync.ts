import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, rename, writeFile } from 'node:fs/promises';

/** Makes a rename or a new file in `dir` durable: fsync of the folder itself. */
export function fsyncDirSync(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/**
 * Writes `bytes` to `path` so that a crash leaves either the old file or the new one, never
 * a torn one: temp file → fsync → rename → fsync of the folder.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
	const temp = `${path}.tmp`;
	await writeFile(temp, bytes);
	const handle = await open(temp, 'r+');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
	await rename(temp, path);
	fsyncDirSync(path.slice(0, path.lastIndexOf('/')) || '.');
}
