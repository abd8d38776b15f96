import { formatDateTime } from '../../domain/time';
import { formatNumber } from '../../domain/format';
import type { App } from '../app';
import { diskSpace, listBackups, type BackupListing } from '../repositories/system';
import { formatBytes, formatDuration } from './system-format';

/** What the officer's health page shows; every value already in words and Vietnamese units. */
export type HealthStatus = 'ok' | 'warn' | 'bad';
export interface HealthItem {
	key: 'version' | 'uptime' | 'writes' | 'snapshot' | 'journal' | 'disk' | 'backup';
	label: string;
	value: string;
	detail: string;
	/** null for plain facts (version, uptime) that are neither good nor bad. */
	status: HealthStatus | null;
}
export interface SystemReport {
	checkedAt: string;
	overall: HealthStatus;
	items: HealthItem[];
}

/** The raw facts, gathered once; `buildSystemReport` turns them into words (and is tested alone). */
export interface SystemFacts {
	now: number;
	version: string;
	startedAt: number;
	nodeVersion: string;
	dataDir: string;
	snapshotAgeSeconds: number | null;
	/** Why the last snapshot failed (English, from the store), null when it did not. */
	snapshotError: string | null;
	/** Whether the store takes writes: the disk is full (until space is freed) or failed. */
	writes: 'ok' | 'disk_full' | 'failed';
	journalOps: number;
	lastSeq: number;
	disk: { freeBytes: number; totalBytes: number } | null;
	backups: BackupListing;
}

/** Thresholds: a nightly backup missed once is a warning, not yet an alarm. */
export const BACKUP_WARN_HOURS = 36;
export const DISK_WARN_BYTES = 2e9;
export const DISK_BAD_BYTES = 5e8;
export const JOURNAL_WARN_OPS = 50_000;

export function gatherSystemFacts(app: App, env: NodeJS.ProcessEnv = process.env): SystemFacts {
	const stats = app.store.stats();
	return {
		now: Date.now(),
		version: app.config.version,
		startedAt: app.startedAt,
		nodeVersion: process.version,
		dataDir: app.config.dataDir,
		snapshotAgeSeconds: stats.snapshotAgeSeconds,
		snapshotError: stats.snapshotError,
		writes: stats.diskFull ? 'disk_full' : stats.refusingWrites ? 'failed' : 'ok',
		journalOps: stats.journalOps,
		lastSeq: stats.lastSeq,
		disk: diskSpace(app.config.dataDir),
		backups: listBackups(env.BACKUP_DIR)
	};
}

function backupItem(f: SystemFacts): HealthItem {
	const base = { key: 'backup' as const, label: 'Sao lưu gần nhất' };
	if (f.backups.state === 'unconfigured') {
		return {
			...base,
			value: 'Chưa cài nơi sao lưu',
			detail: 'Đặt BACKUP_DIR trong /etc/tram-hoc-so/kiosk.env',
			status: 'bad'
		};
	}
	if (f.backups.state === 'unreadable') {
		const why =
			f.backups.error === 'ENOENT'
				? 'không thấy thư mục (ổ USB đã cắm chưa?)'
				: `lỗi ${f.backups.error}`;
		return {
			...base,
			value: 'Không đọc được nơi sao lưu',
			detail: `${f.backups.dir}: ${why}`,
			status: 'bad'
		};
	}
	const last = f.backups.backups[0];
	if (!last) {
		return {
			...base,
			value: 'Chưa có bản sao lưu nào',
			detail: `Nơi sao lưu: ${f.backups.dir}`,
			status: 'bad'
		};
	}
	const ageSeconds = (f.now - last.createdAt) / 1000;
	return {
		...base,
		value: `${formatDateTime(last.createdAt)} (${formatDuration(ageSeconds)} trước), ${formatBytes(last.bytes)}`,
		detail: `${f.backups.backups.length} bản đang giữ ở ${f.backups.dir}`,
		status: ageSeconds > BACKUP_WARN_HOURS * 3600 ? 'warn' : 'ok'
	};
}

function diskItem(f: SystemFacts): HealthItem {
	const base = { key: 'disk' as const, label: 'Ổ đĩa còn trống' };
	if (!f.disk) return { ...base, value: 'Không đo được', detail: f.dataDir, status: 'warn' };
	const { freeBytes, totalBytes } = f.disk;
	const percent = totalBytes > 0 ? Math.round((freeBytes / totalBytes) * 100) : 0;
	return {
		...base,
		value: `${formatBytes(freeBytes)} trên ${formatBytes(totalBytes)} (${percent}%)`,
		detail: `Ổ chứa dữ liệu ${f.dataDir}`,
		status: freeBytes < DISK_BAD_BYTES ? 'bad' : freeBytes < DISK_WARN_BYTES ? 'warn' : 'ok'
	};
}

/**
 * Whether check-ins and every other change are being saved. When the store refuses them the
 * rest of the page may still look fine (the last snapshot is recent, the disk's free space is
 * a few KB short of "bad" only on a small disk): this says it first, and what to do.
 */
function writesItem(f: SystemFacts): HealthItem {
	const base = { key: 'writes' as const, label: 'Lưu dữ liệu' };
	if (f.writes === 'disk_full') {
		return {
			...base,
			value: 'Đang không lưu được: ổ đĩa đầy',
			detail: `Dọn bớt chỗ trống trên ổ chứa ${f.dataDir} (bản sao lưu cũ, tệp lớn). Máy chủ tự lưu lại khi có chỗ; những gì đã báo lưu xong không mất, lượt quét chưa gửi được vẫn giữ trên điện thoại.`,
			status: 'bad'
		};
	}
	if (f.writes === 'failed') {
		return {
			...base,
			value: 'Đang không lưu được: ổ đĩa báo lỗi',
			detail:
				'Khởi động lại máy trạm; những gì đã báo lưu xong không mất. Nếu lỗi còn, cần kiểm tra ổ đĩa.',
			status: 'bad'
		};
	}
	return { ...base, value: 'Bình thường', detail: `Thư mục dữ liệu ${f.dataDir}`, status: 'ok' };
}

/** The error's code (ENOSPC, EROFS …) when it has one: the page is in Vietnamese. */
const errorCode = (error: string) => /\bE[A-Z]{2,}\b/.exec(error)?.[0] ?? 'lỗi không rõ';

export function buildSystemReport(f: SystemFacts): SystemReport {
	const items: HealthItem[] = [
		{
			key: 'version',
			label: 'Phiên bản',
			value: f.version,
			detail: `Node.js ${f.nodeVersion}`,
			status: null
		},
		{
			key: 'uptime',
			label: 'Máy chủ chạy liên tục',
			value: formatDuration((f.now - f.startedAt) / 1000),
			detail: `Từ ${formatDateTime(f.startedAt)}`,
			status: null
		},
		writesItem(f),
		{
			key: 'snapshot',
			label: 'Bản chụp dữ liệu gần nhất',
			value:
				f.snapshotAgeSeconds === null ? 'Chưa có' : `${formatDuration(f.snapshotAgeSeconds)} trước`,
			detail: f.snapshotError
				? `Lần chụp mới nhất không ghi được (${errorCode(f.snapshotError)}); dữ liệu vẫn giữ đủ trong nhật ký thay đổi.`
				: 'Máy chủ chụp lại toàn bộ dữ liệu mỗi 10 phút khi có thay đổi',
			status: f.snapshotAgeSeconds === null || f.snapshotError ? 'warn' : 'ok'
		},
		{
			key: 'journal',
			label: 'Nhật ký thay đổi chờ chụp',
			value: `${formatNumber(f.journalOps)} thao tác`,
			detail: `Tổng cộng ${formatNumber(f.lastSeq)} thao tác từ khi lập trạm`,
			status: f.journalOps > JOURNAL_WARN_OPS ? 'warn' : 'ok'
		},
		diskItem(f),
		backupItem(f)
	];
	const overall = items.some((i) => i.status === 'bad')
		? 'bad'
		: items.some((i) => i.status === 'warn')
			? 'warn'
			: 'ok';
	return { checkedAt: formatDateTime(f.now), overall, items };
}
