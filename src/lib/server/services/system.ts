import { formatDateTime } from '../../domain/time';
import { formatNumber } from '../../domain/format';
import type { App } from '../app';
import { diskSpace, listBackups, type BackupListing } from '../repositories/system';
import { formatBytes, formatDuration } from './system-format';

/** What the officer's health page shows; every value already in words and Vietnamese units. */
export type HealthStatus = 'ok' | 'warn' | 'bad';
export interface HealthItem {
	key: 'version' | 'uptime' | 'snapshot' | 'journal' | 'disk' | 'backup';
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
		{
			key: 'snapshot',
			label: 'Bản chụp dữ liệu gần nhất',
			value:
				f.snapshotAgeSeconds === null ? 'Chưa có' : `${formatDuration(f.snapshotAgeSeconds)} trước`,
			detail: 'Máy chủ chụp lại toàn bộ dữ liệu mỗi 10 phút khi có thay đổi',
			status: f.snapshotAgeSeconds === null ? 'warn' : 'ok'
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
