import { Worker } from 'node:worker_threads';

/**
 * A thread beside the event loop for the heavy, slow part of a snapshot: touching fresh
 * memory for the copy, the CRC-32 and writing the file. The event loop only copies the
 * database into memory prepared here (~15 ms at 1M rows) and goes on answering check-ins.
 *
 * Why: at 1M rows the first snapshot after start stopped every check-in for ~0.5 s (a copy
 * into fresh memory: this VM makes the first touch of each page slow) and every snapshot for
 * another ~45 ms (its CRC-32), every 50,000 writes in a busy hour and every 10 minutes in a
 * quiet one. The disk's work was already off the loop; now the CPU's is too.
 */
export class SnapshotWorker {
	private worker: Worker | undefined;
	private calls = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (e: Error) => void }
	>();
	private nextCall = 1;

	/**
	 * True once prepared memory was found writable straight to the disk of the folder given to
	 * `prepare` (O_DIRECT); false when that file system does not take it.
	 */
	directIo: boolean | undefined;

	/**
	 * `size` bytes of memory, every page already touched on the worker's thread, shared with
	 * it (a SharedArrayBuffer) so that `write` reads the same memory without a copy. Where the
	 * disk of `dir` takes O_DIRECT, the memory starts where such a write may start (see
	 * writeDirect in the worker's code).
	 */
	async prepare(size: number, dir: string): Promise<Uint8Array> {
		const { buffer, offset } = (await this.call({ op: 'prepare', size, dir })) as {
			buffer: SharedArrayBuffer;
			offset: number;
		};
		this.directIo = offset >= 0;
		return new Uint8Array(buffer, Math.max(offset, 0), size);
	}

	/**
	 * Writes the checksum file, then the snapshot, each atomically (temp file, fsync, rename,
	 * fsync of the folder), so a snapshot never exists without the checksum it must match.
	 * Bytes in ordinary memory are moved to the worker (`bytes` is then unusable here).
	 * Says how the snapshot went to the disk: straight from memory, or through the page cache.
	 */
	async write(
		path: string,
		checksumPath: string,
		bytes: Uint8Array
	): Promise<'direct' | 'buffered'> {
		const shared = bytes.buffer instanceof SharedArrayBuffer;
		return (await this.call(
			{ op: 'write', path, checksumPath, bytes },
			shared ? [] : [bytes.buffer as ArrayBuffer]
		)) as 'direct' | 'buffered';
	}

	/** Lets the process exit; a write under way is abandoned like any write at a crash. */
	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = undefined;
		await worker?.terminate();
	}

	private call(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<unknown> {
		const worker = this.started();
		const id = this.nextCall++;
		// Referenced only while it has work: an idle worker must not keep the process alive,
		// but a script that awaits its last snapshot must not exit before it is written.
		worker.ref();
		return new Promise((resolve, reject) => {
			this.calls.set(id, { resolve, reject });
			try {
				worker.postMessage({ ...message, id }, transfer);
			} catch {
				// Memory that cannot be moved (say WebAssembly's own) is copied instead.
				worker.postMessage({ ...message, id });
			}
		});
	}

	private started(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(`(${snapshotThread.toString()})()`, { eval: true });
		worker.on('message', (reply: { id: number; value?: unknown; error?: string }) => {
			const call = this.calls.get(reply.id);
			this.calls.delete(reply.id);
			if (this.calls.size === 0) worker.unref();
			if (reply.error !== undefined) call?.reject(new Error(reply.error));
			else call?.resolve(reply.value);
		});
		const failAll = (error: Error) => {
			if (this.worker === worker) this.worker = undefined;
			for (const call of this.calls.values()) call.reject(error);
			this.calls.clear();
		};
		worker.on('error', failAll);
		worker.on('exit', (code) => failAll(new Error(`snapshot worker exited (${code})`)));
		this.worker = worker;
		return worker;
	}
}

/**
 * The worker's code. It runs from its source text (a worker needs a file or a string, and
 * the build bundles this module), so it reaches Node's modules through
 * process.getBuiltinModule and nothing from around it.
 */
function snapshotThread(): void {
	const { parentPort } = process.getBuiltinModule('node:worker_threads');
	const fs = process.getBuiltinModule('node:fs');
	const { crc32 } = process.getBuiltinModule('node:zlib');
	const PAGE = 4096;
	const { O_WRONLY, O_CREAT, O_TRUNC, O_DIRECT } = fs.constants;
	/** One write call's share of a snapshot written with O_DIRECT. */
	const DIRECT_CHUNK = 8 << 20;

	// Why O_DIRECT: at 1M rows a snapshot is ~150 MB, written every ~5 s under a full load.
	// Through the page cache that cost ~0.45 s of CPU each (copying into fresh cache pages,
	// then writing them back), and the writeback held up the journal's fdatasync, which every
	// check-in waits for. Straight from memory it costs ~5 ms of CPU (2026-12-03). The disk
	// takes such a write only from memory at an aligned address, and JavaScript cannot see
	// an address: `directOffset` finds the first offset in fresh memory the disk takes.
	const directFlags = O_DIRECT === undefined ? undefined : O_WRONLY | O_CREAT | O_TRUNC | O_DIRECT;
	const directOffset = (dir: string, view: Uint8Array): number => {
		if (directFlags === undefined) return -1;
		const probe = `${dir}/direct-io-probe.tmp`;
		let fd: number;
		try {
			fd = fs.openSync(probe, directFlags);
		} catch {
			return -1;
		}
		try {
			for (let at = 0; at + PAGE <= view.length && at < PAGE; at += 16) {
				try {
					fs.writeSync(fd, view, at, PAGE, 0);
					return at;
				} catch (error) {
					if ((error as { code?: string }).code !== 'EINVAL') return -1;
				}
			}
			return -1;
		} finally {
			fs.closeSync(fd);
			fs.rmSync(probe, { force: true });
		}
	};
	/** Writes and syncs `bytes` with O_DIRECT; false (nothing to undo) when the disk refuses it. */
	const writeDirect = (path: string, bytes: Uint8Array): boolean => {
		if (directFlags === undefined || bytes.length % PAGE !== 0) return false;
		let fd: number;
		try {
			fd = fs.openSync(path, directFlags);
		} catch (error) {
			if ((error as { code?: string }).code === 'EINVAL') return false;
			throw error;
		}
		try {
			for (let at = 0; at < bytes.length;) {
				at += fs.writeSync(fd, bytes, at, Math.min(DIRECT_CHUNK, bytes.length - at), at);
			}
			fs.fsyncSync(fd);
			return true;
		} catch (error) {
			// Memory at an address the disk does not take: the first write says so.
			if ((error as { code?: string }).code === 'EINVAL') return false;
			throw error;
		} finally {
			fs.closeSync(fd);
		}
	};

	const fsyncPath = (path: string) => {
		const fd = fs.openSync(path, 'r');
		try {
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
	};
	// A crash leaves the old file or the new one, never a torn one: temp file, fsync, rename,
	// fsync of the folder (which makes the rename durable; fsyncDirSync in fsync.ts does the
	// same on the event loop, and cannot be imported here). The checksum is written as
	// `checksum()` in snapshots.ts reads it.
	// A write the disk refuses (full) takes its temp file away again: left behind, a snapshot's
	// worth of space stayed taken on a disk already full, until a snapshot of the same op.
	const writeAtomic = (path: string, bytes: Uint8Array): 'direct' | 'buffered' => {
		const temp = `${path}.tmp`;
		let way: 'direct' | 'buffered' = 'direct';
		try {
			if (!writeDirect(temp, bytes)) {
				way = 'buffered';
				fs.writeFileSync(temp, bytes);
				fsyncPath(temp);
			}
			fs.renameSync(temp, path);
		} catch (error) {
			try {
				fs.unlinkSync(temp);
			} catch {
				// not there, or the disk refuses even that
			}
			throw error;
		}
		fsyncPath(path.slice(0, path.lastIndexOf('/')) || '.');
		return way;
	};

	parentPort!.on('message', (m: Record<string, unknown> & { id: number }) => {
		try {
			if (m.op === 'prepare') {
				// A page more, so that an aligned start still leaves `size` bytes.
				const buffer = new SharedArrayBuffer((m.size as number) + PAGE);
				const view = new Uint8Array(buffer);
				for (let i = 0; i < view.length; i += PAGE) view[i] = 0;
				const offset = directOffset(m.dir as string, view);
				parentPort!.postMessage({ id: m.id, value: { buffer, offset } });
			} else if (m.op === 'write') {
				const bytes = m.bytes as Uint8Array;
				const sum = crc32(bytes).toString(16).padStart(8, '0');
				writeAtomic(m.checksumPath as string, Buffer.from(sum));
				const way = writeAtomic(m.path as string, bytes);
				parentPort!.postMessage({ id: m.id, value: way });
			} else {
				throw new Error(`unknown call ${String(m.op)}`);
			}
		} catch (error) {
			parentPort!.postMessage({ id: m.id, error: String(error) });
		}
	});
}
