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
	 * `size` bytes of memory, every page already touched on the worker's thread, shared with
	 * it (a SharedArrayBuffer) so that `write` reads the same memory without a copy.
	 */
	async prepare(size: number): Promise<Uint8Array> {
		const buffer = (await this.call({ op: 'prepare', size })) as SharedArrayBuffer;
		return new Uint8Array(buffer);
	}

	/**
	 * Writes the checksum file, then the snapshot, each atomically (temp file, fsync, rename,
	 * fsync of the folder), so a snapshot never exists without the checksum it must match.
	 * Bytes in ordinary memory are moved to the worker (`bytes` is then unusable here).
	 */
	async write(path: string, checksumPath: string, bytes: Uint8Array): Promise<void> {
		const shared = bytes.buffer instanceof SharedArrayBuffer;
		await this.call(
			{ op: 'write', path, checksumPath, bytes },
			shared ? [] : [bytes.buffer as ArrayBuffer]
		);
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
	const writeAtomic = (path: string, bytes: Uint8Array) => {
		const temp = `${path}.tmp`;
		try {
			fs.writeFileSync(temp, bytes);
			fsyncPath(temp);
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
	};

	parentPort!.on('message', (m: Record<string, unknown> & { id: number }) => {
		try {
			if (m.op === 'prepare') {
				const buffer = new SharedArrayBuffer(m.size as number);
				const view = new Uint8Array(buffer);
				for (let i = 0; i < view.length; i += PAGE) view[i] = 0;
				parentPort!.postMessage({ id: m.id, value: buffer });
			} else if (m.op === 'write') {
				const bytes = m.bytes as Uint8Array;
				const sum = crc32(bytes).toString(16).padStart(8, '0');
				writeAtomic(m.checksumPath as string, Buffer.from(sum));
				writeAtomic(m.path as string, bytes);
				parentPort!.postMessage({ id: m.id });
			} else {
				throw new Error(`unknown call ${String(m.op)}`);
			}
		} catch (error) {
			parentPort!.postMessage({ id: m.id, error: String(error) });
		}
	});
}
