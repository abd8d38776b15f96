import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a rename or a new file in `dir` durable: fsync of the folder itself. */
export function fsyncDirSync(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
