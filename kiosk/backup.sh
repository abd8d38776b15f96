#!/usr/bin/env bash
# One consistent backup of the store while the server keeps running, into BACKUP_DIR
# (a second disk or a USB stick), keeping the newest BACKUP_KEEP (14). Run nightly by
# tram-hoc-so-backup.timer; by hand: sudo -u ths-server /opt/tram-hoc-so/current/kiosk/backup.sh
#
# Why a plain copy is consistent (README, "Where the data lives"): a snapshot file appears
# only by an atomic rename after fsync, and is never changed afterwards, so the newest
# snapshot-<seq>.sqlite is complete. The journal segments from the one holding op <seq>+1
# onwards hold every op acknowledged since (each line fsync'd before its acknowledgement).
# A line being appended while we copy may be torn in the copy: it was not acknowledged
# before the backup began, and a restore drops a torn last line by design. If the server
# snapshots twice during the copy and a file we need disappears, we start again.
#
# Each backup is a folder tram-hoc-so-<yyyymmdd-hhmmss>/ with the files, SHA256SUMS and
# BACKUP_INFO (JSON: time, newest op in the snapshot, bytes). It is built under a hidden
# name and renamed when complete, so a half-written backup never looks like a backup.
#
# Settings: DATA_DIR (/var/lib/tram-hoc-so), BACKUP_DIR (/mnt/tram-hoc-so-backup),
# BACKUP_KEEP (14), BACKUP_REQUIRE_MOUNT (1: refuse when BACKUP_DIR is not a mount point,
# so a missing USB stick never fills the system disk; set 0 for a folder on another disk
# that is not mounted separately).
set -euo pipefail

data_dir="${DATA_DIR:-/var/lib/tram-hoc-so}"
backup_dir="${BACKUP_DIR:-/mnt/tram-hoc-so-backup}"
keep="${BACKUP_KEEP:-14}"
require_mount="${BACKUP_REQUIRE_MOUNT:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The runtime the units use (install.sh links it); a plain `node` elsewhere (development, CI).
node_bin="${NODE:-/opt/tram-hoc-so/bin/node}"
[ -x "$node_bin" ] || node_bin="$(command -v node || true)"

fail() {
	echo "backup: $*" >&2
	exit 1
}

[ -d "$data_dir" ] || fail "không thấy thư mục dữ liệu $data_dir"
[ -d "$backup_dir" ] || fail "không thấy nơi sao lưu $backup_dir (ổ USB/ổ thứ hai đã cắm chưa?)"
if [ "$require_mount" = 1 ] && ! mountpoint -q "$backup_dir"; then
	fail "$backup_dir chưa gắn ổ nào (mount): cắm ổ USB sao lưu, hoặc đặt BACKUP_REQUIRE_MOUNT=0"
fi

seq_of() { basename "$1" | sed -E 's/^[a-z]+-0*([0-9]+)\..*$/\1/'; }

# Copies the newest snapshot and the journal it needs into $1. Returns 1 when a file
# vanished under us (a snapshot was taken meanwhile), so the caller can try again.
copy_store() {
	local into="$1" snapshot seq first="" segment firstseq
	snapshot="$(find "$data_dir" -maxdepth 1 -name 'snapshot-*.sqlite' | sort | tail -n 1)"
	[ -n "$snapshot" ] || fail "chưa có bản chụp nào trong $data_dir (máy chủ đã chạy lần nào chưa?)"
	seq="$(seq_of "$snapshot")"
	cp -- "$snapshot" "$into/" || return 1
	# The segment that holds op seq+1 is the newest one starting at or before it.
	while IFS= read -r segment; do
		firstseq="$(seq_of "$segment")"
		if [ "$firstseq" -le $((seq + 1)) ]; then first="$segment"; fi
	done < <(find "$data_dir" -maxdepth 1 -name 'journal-*.log' | sort)
	[ -n "$first" ] || return 1
	while IFS= read -r segment; do
		if [[ "$segment" > "$first" || "$segment" == "$first" ]]; then
			cp -- "$segment" "$into/" || return 1
		fi
	done < <(find "$data_dir" -maxdepth 1 -name 'journal-*.log' | sort)
	echo "$seq"
}

name="tram-hoc-so-$(date -u +%Y%m%d-%H%M%S)"
partial="$backup_dir/.partial-$name"
trap 'rm -rf -- "$partial"' EXIT
seq=""
for _attempt in 1 2 3 4 5; do
	rm -rf -- "$partial"
	mkdir -p -- "$partial"
	if seq="$(copy_store "$partial")"; then break; fi
	seq=""
	sleep 1
done
[ -n "$seq" ] || fail "dữ liệu thay đổi liên tục trong lúc chép; thử lại sau"

# Proves the copy restores: the snapshot passes quick_check, journal lines pass their checksums.
if [ -n "$node_bin" ]; then
	"$node_bin" "$here/check-backup.js" "$partial" >/dev/null || fail "bản sao lưu không đọc lại được"
else
	echo "backup: CẢNH BÁO: không có Node.js nên chưa đọc thử bản sao lưu" >&2
fi

(cd "$partial" && sha256sum -- snapshot-*.sqlite journal-*.log >SHA256SUMS)
bytes="$(du -sb -- "$partial" | cut -f1)"
printf '{"name":"%s","createdAt":"%s","snapshotSeq":%s,"bytes":%s}\n' \
	"$name" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$seq" "$bytes" >"$partial/BACKUP_INFO"
sync -f "$partial/BACKUP_INFO" 2>/dev/null || sync
mv -T -- "$partial" "$backup_dir/$name"
trap - EXIT
sync -f "$backup_dir" 2>/dev/null || sync

# Keep the newest $keep backups (names sort by time).
find "$backup_dir" -mindepth 1 -maxdepth 1 -type d -name 'tram-hoc-so-*' | sort -r |
	tail -n +"$((keep + 1))" | while IFS= read -r old; do rm -rf -- "$old"; done

echo "backup: đã sao lưu vào $backup_dir/$name ($bytes byte, tới thao tác $seq)"
