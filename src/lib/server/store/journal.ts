import { closeSync, constants, openSync, readdirSync, readFileSync, write } from 'node:fs';
import { fdatasyncSync, fstatSync, ftruncateSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { fsyncDirSync } from './fsync';

/** One mutation as written to the journal. All inputs are fixed here, so replay is exact. */
export interface JournalEntry {
	seq: number;
	id: string;
	type: string;
	at: number;
	actor: number | null;
	payload: unknown;
}

const SEGMENT = /^journal-(\d{12})\.log$/;
const segmentName = (firstSeq: number) => `journal-${String(firstSeq).padStart(12, '0')}.log`;

/** A line is `crc32-hex space json`: a torn or scribbled line fails the checksum. */
function encode(entry: JournalEntry): string {
	const json = JSON.stringify(entry);
	return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function decode(line: string): JournalEntry | undefined {
	const space = line.indexOf(' ');
	if (space !== 8) return undefined;
	const json = line.slice(9);
	if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return undefined;
	try {
		return JSON.parse(json) as JournalEntry;
	} catch {
		return undefined;
	}
}

/**
 * Segments are opened with O_DSYNC: a write returns only once its bytes (and the file size
 * that reaches them) are on disk, as if fdatasync followed it. One call is then both the
 * write and the sync, so a batch costs the event loop nothing but its encoding: the thread
 * pool does the rest in one trip, where write + fdatasync took a write on the loop (~80 µs a
 * batch under load) and a second trip.
 */
const APPEND_DSYNC =
	constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;

function writeAllSync(fd: number, buffer: Buffer): void {
	let offset = 0;
	while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

/** The same on the thread pool; a short write (rare for files) goes on with the rest. */
function writeAllAsync(
	fd: number,
	buffer: Buffer,
	done: (error: Error | null) => void,
	offset = 0
): void {
	write(fd, buffer, offset, buffer.length - offset, null, (error, written) => {
		if (error) return done(error);
		if (offset + written < buffer.length) return writeAllAsync(fd, buffer, done, offset + written);
		done(null);
	});
}

export interface JournalSegment {
	firstSeq: number;
	path: string;
}

export interface ReadResult {
	entries: JournalEntry[];
	/** Lines dropped: a torn tail, or lines whose checksum failed. */
	dropped: number;
}

/**
 * The operation journal: append-only files of checksummed JSON lines, one segment per
 * snapshot generation. `append` calls back once the lines are on disk.
 */
export class Journal {
	private fd: number | undefined;
	private current: JournalSegment | undefined;
	/** The open segment's length up to its last line known to be on disk (see dropUnsynced). */
	private size = 0;

	constructor(private dir: string) {}

	segments(): JournalSegment[] {
		return readdirSync(this.dir)
			.map((name) => SEGMENT.exec(name))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => ({ firstSeq: Number(m[1]), path: join(this.dir, m[0]) }))
			.sort((a, b) => a.firstSeq - b.firstSeq);
	}

	/**
	 * Reads every entry with seq > `afterSeq`. A last line without its newline or failing its
	 * checksum is a write torn by a crash: it was never acknowledged, so it is cut off the
	 * file. A bad line in the middle (disk damage) is skipped and counted.
	 */
	read(afterSeq: number, log: (message: string) => void = () => {}): ReadResult {
		const entries: JournalEntry[] = [];
		let dropped = 0;
		const segments = this.segments();
		segments.forEach((segment, index) => {
			const next = segments[index + 1];
			if (next && next.firstSeq <= afterSeq + 1) return;
			const buffer = readFileSync(segment.path);
			let offset = 0;
			while (offset < buffer.length) {
				const newline = buffer.indexOf(10, offset);
				const isLast = newline === -1;
				const line = buffer.subarray(offset, isLast ? buffer.length : newline).toString('utf8');
				const entry = isLast ? undefined : decode(line);
				const tail = isLast || buffer.indexOf(10, newline + 1) === -1;
				if (!entry) {
					dropped++;
					if (tail && index === segments.length - 1) {
						log(`journal: dropping torn tail of ${segment.path} at byte ${offset}`);
						const fd = openSync(segment.path, 'r+');
						ftruncateSync(fd, offset);
						closeSync(fd);
						break;
					}
					log(`journal: skipping damaged line in ${segment.path} at byte ${offset}`);
				} else if (entry.seq > afterSeq) {
					entries.push(entry);
				}
				if (isLast) break;
				offset = newline + 1;
			}
		});
		return { entries, dropped };
	}

	/** Starts (or continues) the segment whose first op will be `firstSeq`. */
	openSegment(firstSeq: number): void {
		this.closeSegment();
		const existing = this.segments().at(-1);
		const segment =
			existing && existing.firstSeq <= firstSeq
				? existing
				: { firstSeq, path: join(this.dir, segmentName(firstSeq)) };
		this.fd = openSync(segment.path, APPEND_DSYNC);
		this.current = segment;
		this.size = fstatSync(this.fd).size;
		fsyncDirSync(this.dir);
	}

	/**
	 * Starts a fresh segment (after a snapshot) so older segments can be removed later. When
	 * the disk refuses the new file (full, read-only), this throws and the old segment stays
	 * open: writes go on into it, and the snapshot is simply not taken.
	 */
	rotate(firstSeq: number): void {
		const segment = { firstSeq, path: join(this.dir, segmentName(firstSeq)) };
		const fd = openSync(segment.path, APPEND_DSYNC);
		try {
			fsyncDirSync(this.dir);
		} catch (error) {
			closeSync(fd);
			try {
				unlinkSync(segment.path);
			} catch {
				// An empty segment left behind holds no op; a start reads past it.
			}
			throw error;
		}
		this.closeSegment();
		this.fd = fd;
		this.current = segment;
		this.size = 0;
	}

	/**
	 * After a write the disk refused (full): cuts whatever part of it reached the file, so the
	 * segment ends again with its last line known to be on disk, and later lines follow it
	 * whole. False when that fails too: the segment's tail is then unknown.
	 */
	dropUnsynced(): boolean {
		if (this.fd === undefined) return false;
		try {
			ftruncateSync(this.fd, this.size);
			fdatasyncSync(this.fd);
			return fstatSync(this.fd).size === this.size;
		} catch {
			return false;
		}
	}

	/**
	 * Writes a batch and calls `done` once it is on disk (see APPEND_DSYNC). The write runs on
	 * libuv's thread pool, so the event loop goes on reading requests meanwhile and they form
	 * the next batch (group commit, see Store.flush) — or, with `inline`, right here: when
	 * writes come one at a time nothing else is waiting, and the thread pool's round trip
	 * would be pure latency (its p99 was ~2× the inline one's on this disk).
	 * `done` is called before `append` returns exactly when `inline`: the store applies a
	 * batch after handing it over and must not hear back before that.
	 */
	append(entries: JournalEntry[], inline: boolean, done: (error: Error | null) => void): void {
		let bytes: Buffer;
		try {
			if (this.fd === undefined) throw new Error('journal: no open segment');
			bytes = Buffer.from(entries.map(encode).join(''), 'utf8');
			if (inline) writeAllSync(this.fd, bytes);
		} catch (error) {
			if (inline) return done(error as Error);
			return process.nextTick(done, error as Error);
		}
		if (inline) {
			this.size += bytes.length;
			return done(null);
		}
		writeAllAsync(this.fd, bytes, (error) => {
			if (!error) this.size += bytes.length;
			done(error);
		});
	}

	/** Removes segments that only hold ops at or before `seq` (all inside a kept snapshot). */
	prune(seq: number): void {
		const segments = this.segments();
		segments.forEach((segment, index) => {
			const next = segments[index + 1];
			if (next && next.firstSeq <= seq + 1 && segment.path !== this.current?.path) {
				unlinkSync(segment.path);
			}
		});
	}

	closeSegment(): void {
		if (this.fd !== undefined) closeSync(this.fd);
		this.fd = undefined;
		this.current = undefined;
	}
}
