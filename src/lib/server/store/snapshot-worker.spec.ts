import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotWorker } from './snapshot-worker';

describe('the snapshot worker', () => {
	let worker: SnapshotWorker;
	afterEach(() => worker.close());

	it('prepares zeroed memory it shares, and writes a snapshot from it with its checksum', async () => {
		worker = new SnapshotWorker();
		const dir = mkdtempSync(join(tmpdir(), 'ths-snapworker-'));
		const memory = await worker.prepare(3 * 4096 + 10, dir);
		expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
		expect(memory.byteLength).toBe(3 * 4096 + 10);
		expect(memory.every((b) => b === 0)).toBe(true);

		const bytes = memory.subarray(0, 5000);
		bytes.fill(7, 0, 4096).fill(9, 4096);
		await worker.write(join(dir, 'snap.sqlite'), join(dir, 'snap.crc32'), bytes);

		const written = readFileSync(join(dir, 'snap.sqlite'));
		expect(Buffer.compare(written, Buffer.from(bytes))).toBe(0);
		const sum = crc32(bytes).toString(16).padStart(8, '0');
		expect(readFileSync(join(dir, 'snap.crc32'), 'utf8')).toBe(sum);
		// Nothing half-done is left behind.
		expect(readdirSync(dir).sort()).toEqual(['snap.crc32', 'snap.sqlite']);
		// Shared memory stays usable here for the next snapshot.
		expect(memory[0]).toBe(7);
	});

	it('writes prepared memory straight to the disk where it can, and leaves no probe behind', async () => {
		worker = new SnapshotWorker();
		const dir = mkdtempSync(join(tmpdir(), 'ths-snapworker-'));
		const memory = await worker.prepare(64 * 4096, dir);
		expect(readdirSync(dir)).toEqual([]);
		const bytes = memory.subarray(0, 40 * 4096);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
		const way = await worker.write(join(dir, 'snap.sqlite'), join(dir, 'snap.crc32'), bytes);
		// Linux's usual file systems take O_DIRECT; a folder on one that does not is written
		// through the page cache, the same bytes either way.
		expect(way).toBe(worker.directIo ? 'direct' : 'buffered');
		expect(Buffer.compare(readFileSync(join(dir, 'snap.sqlite')), Buffer.from(bytes))).toBe(0);
		expect(readdirSync(dir).sort()).toEqual(['snap.crc32', 'snap.sqlite']);
	});

	it('writes memory the disk cannot take directly (an odd address or length) through the page cache', async () => {
		worker = new SnapshotWorker();
		const dir = mkdtempSync(join(tmpdir(), 'ths-snapworker-'));
		const memory = await worker.prepare(16 * 4096, dir);
		for (const bytes of [memory.subarray(1, 1 + 8 * 4096), memory.subarray(0, 8 * 4096 + 100)]) {
			for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
			const way = await worker.write(join(dir, 's'), join(dir, 'c'), bytes);
			expect(way).toBe('buffered');
			expect(Buffer.compare(readFileSync(join(dir, 's')), Buffer.from(bytes))).toBe(0);
		}
		expect(readdirSync(dir).sort()).toEqual(['c', 's']);
	});

	it('moves ordinary memory to its thread instead of copying it', async () => {
		worker = new SnapshotWorker();
		const dir = mkdtempSync(join(tmpdir(), 'ths-snapworker-'));
		const bytes = new Uint8Array(8192).fill(3);
		await worker.write(join(dir, 's'), join(dir, 'c'), bytes);
		expect(readFileSync(join(dir, 's'))).toHaveLength(8192);
		expect(bytes.byteLength).toBe(0);
	});

	it('reports a failed write and goes on working', async () => {
		worker = new SnapshotWorker();
		const dir = mkdtempSync(join(tmpdir(), 'ths-snapworker-'));
		const missing = join(dir, 'no-such-folder');
		await expect(
			worker.write(join(missing, 's'), join(missing, 'c'), new Uint8Array(10))
		).rejects.toThrow(/ENOENT/);
		await worker.write(join(dir, 's'), join(dir, 'c'), new Uint8Array(10));
		expect(readFileSync(join(dir, 's'))).toHaveLength(10);
	});

	it('takes its temp file away when the disk refuses a snapshot, so no space stays taken', async () => {
		worker = new SnapshotWorker();
		const dir = mkdtempSync(join(tmpdir(), 'ths-snapworker-'));
		// The rename onto a folder that is not empty fails after the temp file was written in
		// full, as a disk that fills up between the write and its sync would.
		mkdirSync(join(dir, 's'));
		writeFileSync(join(dir, 's', 'inside'), 'x');
		await expect(
			worker.write(join(dir, 's'), join(dir, 'c'), new Uint8Array(1 << 20))
		).rejects.toThrow();
		expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});
