import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { SnapshotWorker } from './snapshot-worker';

const SNAPSHOT = /^snapshot-(\d{12})\.sqlite$/;
const CHECKSUM = /^checksum-(\d{12})\.crc32$/;
/**
 * A snapshot's or checksum's temp file, left by a crash in the middle of writing it, or the
 * snapshot worker's test of the disk (see SnapshotWorker.prepare).
 */
const TEMP = /^(snapshot-\d{12}\.sqlite|checksum-\d{12}\.crc32|direct-io-probe)\.tmp$/;
/** Two generations: if the newest is damaged, the older one plus the journal still recover. */
export const GENERATIONS_KEPT = 2;

export interface SnapshotFile {
	seq: number;
	path: string;
}

/** CRC-32 in hex (the snapshot worker writes it the same way). */
const checksum = (bytes: Uint8Array) => crc32(bytes).toString(16).padStart(8, '0');

export class Snapshots {
	private worker = new SnapshotWorker();

	/** Takes away temp files a crash left in the middle of a snapshot (see removeLeftovers). */
	constructor(private dir: string) {
		this.removeLeftovers(true);
	}

	/** Newest first. */
	list(): SnapshotFile[] {
		return readdirSync(this.dir)
			.map((name) => SNAPSHOT.exec(name))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => ({ seq: Number(m[1]), path: join(this.dir, m[0]) }))
			.sort((a, b) => b.seq - a.seq);
	}

	/**
	 * The snapshot's bytes (`bytes`), read into a larger buffer (`buffer`) that the database
	 * is then opened in (see Db.create): a file that outgrows its buffer is copied whole into
	 * a new one, a pause of ~0.4 s at 1M rows on this machine, and a quarter more room (at
	 * least 16 MB) puts that off by months of a ward's check-ins.
	 */
	read(file: SnapshotFile): { bytes: Buffer; buffer: Buffer } {
		const fd = openSync(file.path, 'r');
		try {
			const size = fstatSync(fd).size;
			const buffer = Buffer.alloc(size + Math.max(16 << 20, Math.ceil(size / 4)));
			let read = 0;
			while (read < size) {
				const got = readSync(fd, buffer, read, size - read, read);
				if (got === 0) break;
				read += got;
			}
			return { bytes: buffer.subarray(0, read), buffer };
		} finally {
			closeSync(fd);
		}
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
	 * Memory for the next snapshot's bytes, prepared off the event loop (see SnapshotWorker):
	 * copying into it costs the loop no first touch of fresh pages.
	 */
	prepare(size: number): Promise<Uint8Array> {
		return this.worker.prepare(size, this.dir);
	}

	/**
	 * Writes the snapshot holding every op up to `seq` (on the snapshot worker: checksum
	 * first, so a snapshot file never exists without the checksum it must match), then keeps
	 * only the newest two. `bytes` in ordinary memory are handed over, not copied.
	 */
	async write(seq: number, bytes: Uint8Array): Promise<SnapshotFile> {
		const path = join(this.dir, `snapshot-${String(seq).padStart(12, '0')}.sqlite`);
		try {
			await this.worker.write(path, this.checksumPath(seq), bytes);
		} catch (error) {
			// The checksum is written first: without its snapshot it only takes room.
			this.removeLeftovers(false);
			throw error;
		}
		for (const old of this.list().slice(GENERATIONS_KEPT)) {
			unlinkSync(old.path);
			if (existsSync(this.checksumPath(old.seq))) unlinkSync(this.checksumPath(old.seq));
		}
		this.removeLeftovers(false);
		return { seq, path };
	}

	/**
	 * Removes checksums whose snapshot is not there (its write failed, or it was pruned) and,
	 * with `temps` (at start, while no snapshot is being written), temp files a crash left.
	 * Best effort: what cannot be removed now is tried again after the next snapshot.
	 */
	private removeLeftovers(temps: boolean): void {
		try {
			const names = readdirSync(this.dir);
			const snapshots = new Set(this.list().map((file) => file.seq));
			for (const name of names) {
				const sum = CHECKSUM.exec(name);
				const stale = sum ? !snapshots.has(Number(sum[1])) : temps && TEMP.test(name);
				if (stale) unlinkSync(join(this.dir, name));
			}
		} catch {
			// a read-only or failing folder: nothing to tidy that matters more than starting
		}
	}

	/** Stops the snapshot worker (after the last write). */
	close(): Promise<void> {
		return this.worker.close();
	}

	/** The oldest snapshot kept: journal segments before it are no longer needed. */
	oldestKept(): SnapshotFile | undefined {
		return this.list().at(-1);
	}
}
