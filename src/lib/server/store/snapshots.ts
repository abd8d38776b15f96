import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from './fsync';

const SNAPSHOT = /^snapshot-(\d{12})\.sqlite$/;
/** Two generations: if the newest is damaged, the older one plus the journal still recover. */
export const GENERATIONS_KEPT = 2;

export interface SnapshotFile {
	seq: number;
	path: string;
}

const checksum = (bytes: Uint8Array) => crc32(bytes).toString(16).padStart(8, '0');

export class Snapshots {
	constructor(private dir: string) {}

	/** Newest first. */
	list(): SnapshotFile[] {
		return readdirSync(this.dir)
			.map((name) => SNAPSHOT.exec(name))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => ({ seq: Number(m[1]), path: join(this.dir, m[0]) }))
			.sort((a, b) => b.seq - a.seq);
	}

	read(file: SnapshotFile): Uint8Array {
		return readFileSync(file.path);
	}

	/**
	 * True when the bytes are exactly what was exported (CRC-32 written beside the file).
	 * False when they differ; undefined when there is no checksum to compare (a restore).
	 */
	matchesChecksum(file: SnapshotFile, bytes: Uint8Array): boolean | undefined {
		const sidecar = this.checksumPath(file.seq);
		if (!existsSync(sidecar)) return undefined;
		return readFileSync(sidecar, 'utf8').trim() === checksum(bytes);
	}

	/**
	 * Beside the snapshot, named so that `snapshot-*` still matches only snapshots (backup and
	 * restore scripts copy those). A restored snapshot without its checksum, or with a stale
	 * one, is simply checked with quick_check.
	 */
	private checksumPath(seq: number): string {
		return join(this.dir, `checksum-${String(seq).padStart(12, '0')}.crc32`);
	}

	/**
	 * Writes the snapshot holding every op up to `seq`, then keeps only the newest two. The
	 * checksum goes first: a snapshot file never exists without the checksum it must match.
	 */
	async write(seq: number, bytes: Uint8Array): Promise<SnapshotFile> {
		const path = join(this.dir, `snapshot-${String(seq).padStart(12, '0')}.sqlite`);
		await writeFileAtomic(this.checksumPath(seq), Buffer.from(checksum(bytes)));
		await writeFileAtomic(path, bytes);
		for (const old of this.list().slice(GENERATIONS_KEPT)) {
			unlinkSync(old.path);
			if (existsSync(this.checksumPath(old.seq))) unlinkSync(this.checksumPath(old.seq));
		}
		return { seq, path };
	}

	/** The oldest snapshot kept: journal segments before it are no longer needed. */
	oldestKept(): SnapshotFile | undefined {
		return this.list().at(-1);
	}
}
