import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './fsync';

const SNAPSHOT = /^snapshot-(\d{12})\.sqlite$/;
/** Two generations: if the newest is damaged, the older one plus the journal still recover. */
export const GENERATIONS_KEPT = 2;

export interface SnapshotFile {
	seq: number;
	path: string;
}

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

	/** Writes the snapshot holding every op up to `seq`, then keeps only the newest two. */
	async write(seq: number, bytes: Uint8Array): Promise<SnapshotFile> {
		const path = join(this.dir, `snapshot-${String(seq).padStart(12, '0')}.sqlite`);
		await writeFileAtomic(path, bytes);
		for (const old of this.list().slice(GENERATIONS_KEPT)) unlinkSync(old.path);
		return { seq, path };
	}

	/** The oldest snapshot kept: journal segments before it are no longer needed. */
	oldestKept(): SnapshotFile | undefined {
		return this.list().at(-1);
	}
}
