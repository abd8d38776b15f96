#!/usr/bin/env bash
# Puts a backup made by backup.sh back as the store. Stop the server first:
#
#   sudo systemctl stop tram-hoc-so
#   sudo /opt/tram-hoc-so/current/kiosk/restore.sh /mnt/tram-hoc-so-backup/tram-hoc-so-20261125-023012
#   sudo systemctl start tram-hoc-so
#
# It checks the backup (SHA256SUMS, then check-backup.js: quick_check and journal checksums)
# and that no server has the store open (systemd's unit, or any process holding its journal)
# before touching anything. The store files already in DATA_DIR are moved aside into
# DATA_DIR/../<name>.before-restore-<time>, never deleted. On the next start the server
# loads the snapshot and replays the journal, dropping a line torn by the live copy, and
# numbers new ops in a new epoch (the file RESTORED written here says so).
#
# Options: --data-dir DIR (default $DATA_DIR or /var/lib/tram-hoc-so)
#          --owner USER   (default ths-server when it exists and we are root)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The runtime the units use (install.sh links it); a plain `node` elsewhere (development, CI).
node_bin="${NODE:-/opt/tram-hoc-so/bin/node}"
[ -x "$node_bin" ] || node_bin="$(command -v node || true)"
data_dir="${DATA_DIR:-/var/lib/tram-hoc-so}"
owner=""
if [ "$(id -u)" = 0 ] && id ths-server >/dev/null 2>&1; then owner=ths-server; fi
backup=""
while [ $# -gt 0 ]; do
	case "$1" in
	--data-dir)
		data_dir="$2"
		shift 2
		;;
	--owner)
		owner="$2"
		shift 2
		;;
	-*)
		echo "restore: tuỳ chọn lạ $1" >&2
		exit 2
		;;
	*)
		backup="$1"
		shift
		;;
	esac
done

fail() {
	echo "restore: $*" >&2
	exit 1
}

[ -n "$backup" ] || fail "cần chỉ ra thư mục sao lưu, ví dụ /mnt/tram-hoc-so-backup/tram-hoc-so-20261125-023012"
[ -f "$backup/SHA256SUMS" ] || fail "$backup không phải một bản sao lưu đầy đủ (thiếu SHA256SUMS)"
(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || fail "tệp trong $backup bị hỏng (sai mã kiểm tra)"
if [ -n "$node_bin" ]; then
	"$node_bin" "$here/check-backup.js" "$backup" >/dev/null || fail "bản sao lưu $backup không đọc lại được"
else
	echo "restore: CẢNH BÁO: không có Node.js nên chưa đọc thử bản sao lưu" >&2
fi
if command -v systemctl >/dev/null && systemctl is-active --quiet tram-hoc-so.service 2>/dev/null; then
	fail "máy chủ đang chạy: hãy dừng trước (systemctl stop tram-hoc-so)"
fi
# Any other server on this DATA_DIR (npm start, node build, a copy started by hand) holds its
# journal open. Restoring under it did nothing: its final snapshot, taken when it stopped, was
# newer than the backup and came back on the next start, while this script said "đã khôi phục".
holders() {
	local dir fd target pid
	dir="$(realpath -m -- "$1")"
	for fd in /proc/[0-9]*/fd/*; do
		target="$(readlink -- "$fd" 2>/dev/null)" || continue
		case "$target" in
		"$dir"/journal-*.log | "$dir"/snapshot-*.sqlite)
			pid="${fd#/proc/}"
			echo "${pid%%/*}"
			;;
		esac
	done | sort -u
}
busy="$(holders "$data_dir" | tr '\n' ' ')"
if [ -n "$busy" ]; then
	fail "một máy chủ vẫn đang mở dữ liệu trong $data_dir (tiến trình ${busy% }): hãy dừng nó trước (systemctl stop tram-hoc-so, hoặc Ctrl+C ở cửa sổ chạy npm start), rồi chạy lại; chưa thay đổi gì"
fi

mkdir -p -- "$data_dir"
shopt -s nullglob
existing=("$data_dir"/snapshot-*.sqlite "$data_dir"/checksum-*.crc32 "$data_dir"/journal-*.log)
if [ -e "$data_dir/RESTORED" ]; then existing+=("$data_dir/RESTORED"); fi
if [ ${#existing[@]} -gt 0 ]; then
	aside="${data_dir%/}.before-restore-$(date -u +%Y%m%d-%H%M%S)"
	mkdir -p -- "$aside"
	mv -- "${existing[@]}" "$aside/"
	echo "restore: dữ liệu cũ đã được cất sang $aside"
fi
cp -- "$backup"/snapshot-*.sqlite "$backup"/journal-*.log "$data_dir/"
# Tells the store it came from a backup: it numbers its next ops in a new epoch, since the
# ones after the backup may already have been given out (RESTORED_MARKER in store.ts).
printf '%s %s\n' "$(basename "$backup")" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$data_dir/RESTORED"
if [ -n "$owner" ]; then chown -R -- "$owner:$owner" "$data_dir"; fi
sync
echo "restore: đã khôi phục $(basename "$backup") vào $data_dir — bây giờ khởi động máy chủ"
