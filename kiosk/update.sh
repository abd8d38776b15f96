#!/usr/bin/env bash
# Installs a new release without breaking a working kiosk:
#
#   sudo /opt/tram-hoc-so/current/kiosk/update.sh /media/usb/tram-hoc-so-0.2.0-….tar.gz
#
# 1. unpacks the release (a tarball from kiosk/make-release.sh, or an unpacked folder) into
#    /opt/tram-hoc-so/releases/<version>/ and checks it is complete;
# 2. stops the server and backs the store up (backup.sh into /var/backups/tram-hoc-so/pre-update;
#    no backup, no update);
# 3. switches the `current` link atomically (a new link renamed over the old: ln -sfn + mv -T,
#    so there is never a moment without a `current`);
# 4. restarts the server and waits until /api/health answers ok *with the new version*;
# 5. when that fails: switches back, restarts, and checks the old version answers. If the old
#    version cannot start on the data the new one left (a new migration), the pre-update
#    backup is restored (the newer files are moved aside, not deleted) and it starts again.
# Old releases beyond the newest THS_KEEP_RELEASES (3) are removed; current and previous stay.
#
# Exit status: 0 updated (or already current), 1 rolled back, 2 rolled back but still unhealthy.
#
# For tests (and unusual installs) everything is overridable:
#   THS_ROOT            prefix for every path (default: none)
#   THS_RESTART_CMD     command that restarts the server (systemctl restart tram-hoc-so)
#   THS_STOP_CMD        command that stops it           (systemctl stop tram-hoc-so)
#   THS_HEALTH_URL      (http://127.0.0.1:$PORT/api/health)
#   THS_HEALTH_TIMEOUT  seconds to wait for health (90)
set -euo pipefail

root="${THS_ROOT:-}"
base="$root/opt/tram-hoc-so"
releases="$base/releases"
data_dir="${DATA_DIR:-$root/var/lib/tram-hoc-so}"
pre_update="$root/var/backups/tram-hoc-so/pre-update"
restart_cmd="${THS_RESTART_CMD:-systemctl restart tram-hoc-so.service}"
stop_cmd="${THS_STOP_CMD:-systemctl stop tram-hoc-so.service}"
# The port and protocol the server really uses: from the terminal's settings file.
env_file="$root/etc/tram-hoc-so/kiosk.env"
setting() { if [ -f "$env_file" ]; then sed -n "s/^$1=//p" "$env_file" | tail -n 1; fi; }
port="${PORT:-$(setting PORT)}"
scheme=http
if [ -n "${TLS_CERT:-$(setting TLS_CERT)}" ]; then scheme=https; fi
health_url="${THS_HEALTH_URL:-${scheme}://127.0.0.1:${port:-3000}/api/health}"
health_timeout="${THS_HEALTH_TIMEOUT:-90}"
keep="${THS_KEEP_RELEASES:-3}"
source_release="${1:-}"

say() { echo "update: $*"; }
fail() {
	echo "update: $*" >&2
	exit 1
}

[ -n "$source_release" ] || fail "cần chỉ ra bản phát hành: update.sh tram-hoc-so-<phiên bản>.tar.gz"
[ -e "$source_release" ] || fail "không thấy $source_release"
mkdir -p -- "$releases"
exec 9>"$base/.update.lock"
flock -n 9 || fail "một lần cập nhật khác đang chạy"

# --- 1. unpack and check -----------------------------------------------------------------
incoming="$(mktemp -d "$releases/.incoming-XXXXXX")"
trap 'rm -rf -- "$incoming"' EXIT
if [ -d "$source_release" ]; then
	cp -a -- "$source_release/." "$incoming/"
else
	tar -xzf "$source_release" -C "$incoming" --strip-components=1 || fail "không giải nén được $source_release"
fi
for needed in RELEASE build/handler.js kiosk/server.js node_modules/sql.js/package.json; do
	[ -e "$incoming/$needed" ] || fail "bản phát hành thiếu $needed: không cài"
done
version="$(tr -d '[:space:]' <"$incoming/RELEASE")"
[[ "$version" =~ ^[A-Za-z0-9._+-]+$ ]] || fail "tên phiên bản lạ trong RELEASE: $version"

previous="$(readlink "$base/current" 2>/dev/null || true)"
previous_version="${previous#releases/}"
if [ "$previous" = "releases/$version" ]; then
	say "phiên bản $version đã đang chạy; không có gì để làm"
	exit 0
fi
if [ -d "$releases/$version" ]; then
	rm -rf -- "$incoming"
else
	chmod 0755 "$incoming"
	mv -T -- "$incoming" "$releases/$version"
fi
trap - EXIT

# --- helpers -------------------------------------------------------------------------------
switch_to() { # atomic: a new link renamed over the old one
	ln -sfn -- "releases/$1" "$base/current.new"
	mv -T -- "$base/current.new" "$base/current"
	sync -f "$base" 2>/dev/null || true
}

healthy_as() { # waits until /api/health says ok with version $1
	local deadline=$((SECONDS + health_timeout)) body
	while [ "$SECONDS" -lt "$deadline" ]; do
		# --insecure: our own server on loopback, with a LAN certificate (HTTPS for phones).
		body="$(curl -fsS --insecure --max-time 3 "$health_url" 2>/dev/null || true)"
		if [[ "$body" == *'"ok":true'* && "$body" == *"\"version\":\"$1\""* ]]; then return 0; fi
		sleep 1
	done
	return 1
}

# fd 9 (the lock) is closed for it: a server started from here must not hold the lock.
restart() { bash -c "$restart_cmd" 9>&-; }

# --- 2. backup, 3. switch, 4. restart and check ---------------------------------------------
# The server is stopped for the backup, so it holds every write the old release acknowledged:
# if the data has to come back (step 5), nothing is lost. Without a backup, no update.
backed_up=""
if compgen -G "$data_dir/snapshot-*.sqlite" >/dev/null; then
	say "dừng máy chủ để sao lưu dữ liệu"
	bash -c "$stop_cmd" 9>&- || true
	mkdir -p -- "$pre_update"
	if DATA_DIR="$data_dir" BACKUP_DIR="$pre_update" BACKUP_KEEP=3 BACKUP_REQUIRE_MOUNT=0 \
		"$base/current/kiosk/backup.sh" >/dev/null; then
		backed_up="$(find "$pre_update" -mindepth 1 -maxdepth 1 -type d -name 'tram-hoc-so-*' | sort | tail -n 1)"
		say "đã sao lưu dữ liệu trước khi cập nhật: $backed_up"
	else
		echo "update: không sao lưu được dữ liệu: không cập nhật; chạy lại bản cũ" >&2
		restart || true
		exit 1
	fi
fi

say "chuyển sang $version (trước đó: ${previous_version:-chưa có})"
switch_to "$version"
if restart && healthy_as "$version"; then
	say "phiên bản $version đang chạy tốt"
	# Keep current, previous and the newest others: $keep releases in all.
	others=0
	find "$releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%T@ %f\n' | sort -rn |
		cut -d' ' -f2- | while IFS= read -r old; do
		if [ "$old" = "$version" ] || [ "$old" = "$previous_version" ]; then continue; fi
		others=$((others + 1))
		if [ "$others" -gt $((keep - 2)) ]; then rm -rf -- "${releases:?}/$old"; fi
	done
	exit 0
fi

# --- 5. roll back ----------------------------------------------------------------------------
echo "update: phiên bản $version không chạy được (không trả lời /api/health): quay lại" >&2
touch "$releases/$version/.failed"
if [ -z "$previous_version" ]; then
	echo "update: không có phiên bản cũ để quay lại" >&2
	exit 2
fi
switch_to "$previous_version"
if restart && healthy_as "$previous_version"; then
	say "đã quay lại phiên bản $previous_version; nó đang chạy tốt"
	exit 1
fi
if [ -n "$backed_up" ]; then
	echo "update: phiên bản cũ không chạy với dữ liệu mới: khôi phục bản sao lưu trước cập nhật" >&2
	bash -c "$stop_cmd" 9>&- || true
	DATA_DIR="$data_dir" "$base/current/kiosk/restore.sh" --data-dir "$data_dir" "$backed_up"
	if restart && healthy_as "$previous_version"; then
		say "đã quay lại phiên bản $previous_version với dữ liệu trước cập nhật"
		exit 1
	fi
fi
echo "update: phiên bản $previous_version cũng không chạy: cần người kiểm tra (journalctl -u tram-hoc-so)" >&2
exit 2
