import { describe, expect, it } from 'vitest';
import { buildSystemReport, type SystemFacts } from './system';
import { formatBytes, formatDuration } from './system-format';

const NOW = Date.UTC(2026, 10, 25, 1, 30); // 08:30 on 25/11/2026 in Vietnam

function facts(overrides: Partial<SystemFacts> = {}): SystemFacts {
	return {
		now: NOW,
		version: '0.1.0-20261125.0800-abc1234',
		startedAt: NOW - (3 * 86_400 + 4 * 3600) * 1000,
		nodeVersion: 'v20.19.5',
		dataDir: '/var/lib/tram-hoc-so',
		snapshotAgeSeconds: 120,
		snapshotError: null,
		writes: 'ok',
		journalOps: 1234,
		lastSeq: 98_765,
		disk: { freeBytes: 12_345_000_000, totalBytes: 29_100_000_000 },
		backups: {
			state: 'ok',
			dir: '/mnt/tram-hoc-so-backup',
			backups: [
				{ name: 'tram-hoc-so-20261124-193100', createdAt: NOW - 6 * 3600_000, bytes: 12_400_000 }
			]
		},
		...overrides
	};
}

const item = (f: SystemFacts, key: string) =>
	buildSystemReport(f).items.find((i) => i.key === key)!;

describe('formatting for people', () => {
	it('writes sizes with decimal units and a decimal comma', () => {
		expect(formatBytes(512)).toBe('512 byte');
		expect(formatBytes(852_154)).toBe('852 KB');
		expect(formatBytes(12_400_000)).toBe('12,4 MB');
		expect(formatBytes(1_500_000_000)).toBe('1,5 GB');
	});
	it('writes durations as their two largest units', () => {
		expect(formatDuration(0)).toBe('0 giây');
		expect(formatDuration(40)).toBe('40 giây');
		expect(formatDuration(12 * 60 + 5)).toBe('12 phút 5 giây');
		expect(formatDuration(3 * 86_400 + 4 * 3600 + 59)).toBe('3 ngày 4 giờ');
		expect(formatDuration(86_400 + 30)).toBe('1 ngày');
	});
});

describe('the health report', () => {
	it('says all is well on a healthy terminal, in Vietnamese units and dd/mm/yyyy', () => {
		const report = buildSystemReport(facts());
		expect(report.overall).toBe('ok');
		expect(report.checkedAt).toBe('25/11/2026 08:30');
		expect(item(facts(), 'uptime').value).toBe('3 ngày 4 giờ');
		expect(item(facts(), 'journal').value).toBe('1.234 thao tác');
		expect(item(facts(), 'disk').value).toBe('12,3 GB trên 29,1 GB (42%)');
		expect(item(facts(), 'backup').value).toBe('25/11/2026 02:30 (6 giờ trước), 12,4 MB');
	});
	it('warns when the last backup is older than a missed night', () => {
		const old = facts({
			backups: {
				state: 'ok',
				dir: '/mnt/b',
				backups: [{ name: 'x', createdAt: NOW - 40 * 3600_000, bytes: 1 }]
			}
		});
		expect(item(old, 'backup').status).toBe('warn');
		expect(buildSystemReport(old).overall).toBe('warn');
	});
	it('is an alarm when there is no backup place, no backup, or the USB stick is missing', () => {
		expect(item(facts({ backups: { state: 'unconfigured' } }), 'backup').status).toBe('bad');
		expect(
			item(facts({ backups: { state: 'ok', dir: '/mnt/b', backups: [] } }), 'backup').value
		).toBe('Chưa có bản sao lưu nào');
		const missing = item(
			facts({ backups: { state: 'unreadable', dir: '/mnt/b', error: 'ENOENT' } }),
			'backup'
		);
		expect(missing.detail).toContain('ổ USB đã cắm chưa?');
		expect(missing.status).toBe('bad');
	});
	it('warns, then alarms, as the disk fills', () => {
		expect(item(facts({ disk: { freeBytes: 1e9, totalBytes: 3e10 } }), 'disk').status).toBe('warn');
		expect(item(facts({ disk: { freeBytes: 1e8, totalBytes: 3e10 } }), 'disk').status).toBe('bad');
	});

	it('says first, in Vietnamese, when changes are not being saved, and what to do', () => {
		const full = buildSystemReport(facts({ writes: 'disk_full' }));
		expect(full.overall).toBe('bad');
		expect(full.items.find((i) => i.key === 'writes')).toMatchObject({
			value: 'Đang không lưu được: ổ đĩa đầy',
			status: 'bad'
		});
		expect(item(facts({ writes: 'failed' }), 'writes').detail).toMatch(/Khởi động lại máy trạm/);
		expect(item(facts(), 'writes').status).toBe('ok');
	});

	it('warns when the last snapshot could not be written, with its error code', () => {
		const snapshot = item(
			facts({ snapshotError: 'Error: ENOSPC: no space left on device, write' }),
			'snapshot'
		);
		expect(snapshot.status).toBe('warn');
		expect(snapshot.detail).toMatch(/không ghi được \(ENOSPC\)/);
	});
});
