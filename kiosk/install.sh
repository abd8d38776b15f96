#!/usr/bin/env bash
# Turns a spare PC or a Raspberry Pi (Debian 12/13, Raspberry Pi OS 64-bit) into a Trạm Học Số
# kiosk. Run it from an unpacked release (kiosk/make-release.sh makes one):
#
#   sudo ./kiosk/install.sh                          # this release
#   sudo ./kiosk/install.sh --release FILE.tar.gz    # another release tarball or folder
#   sudo ./kiosk/install.sh --node-tarball node-v20.19.5-linux-arm64.tar.xz   # Debian 12
#   ./kiosk/install.sh --dry-run                     # say what would change, change nothing
#   ./kiosk/install.sh --root /tmp/kiosk-root        # write every file under a prefix (tests)
#
# What it does, each step only when needed (running it twice changes nothing):
#   1. Debian packages: chromium (Debian's, not a snap), cage, curl, fonts, speech-dispatcher
#      with espeak-ng (local Vietnamese voice);
#   2. a Node.js ≥ 20 runtime, linked as /opt/tram-hoc-so/bin/node (see find_node below);
#   3. service users ths-server (the app, owns the data) and ths-kiosk (the screen);
#   4. the release into /opt/tram-hoc-so/releases/<version>, `current` linked to it;
#   5. systemd units, the PAM file for the kiosk session, the Chromium policy, and
#      /etc/tram-hoc-so/kiosk.env (written once, then it is yours to edit);
#   6. units enabled and started; the machine boots to the kiosk (graphical.target).
# Later releases go through kiosk/update.sh (health check and automatic roll-back).
#
# With --root, host-level steps (apt-get, useradd, chown, starting services) are skipped and
# said so; files, links and `systemctl --root=… enable` happen under the prefix.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root=""
dry_run=0
release=""
node_tarball=""
start=1
while [ $# -gt 0 ]; do
	case "$1" in
	--root)
		root="$(realpath -m -- "$2")"
		shift 2
		;;
	--dry-run)
		dry_run=1
		shift
		;;
	--release)
		release="$2"
		shift 2
		;;
	--node-tarball)
		node_tarball="$2"
		shift 2
		;;
	--no-start)
		start=0
		shift
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "install: unknown option $1 (try --help)" >&2
		exit 2
		;;
	esac
done

host=1 # do host-level things (packages, users, services)
if [ -n "$root" ] || [ "$dry_run" = 1 ]; then host=0; fi
if [ "$host" = 1 ] && [ "$(id -u)" != 0 ]; then
	echo "install: cần chạy bằng quyền root: sudo $0 $*" >&2
	exit 1
fi

changes=0
say() { echo "install: $*"; }
changed() {
	changes=$((changes + 1))
	say "$*"
}
skip() { say "bỏ qua ($([ "$dry_run" = 1 ] && echo 'chạy thử' || echo "--root")): $*"; }
fail() {
	echo "install: $*" >&2
	exit 1
}
# Runs a command, or only says it in dry-run mode.
run() {
	if [ "$dry_run" = 1 ]; then say "sẽ chạy: $*"; else "$@"; fi
}

# Writes $2 (under the prefix) from stdin when its content or mode differs; counts a change.
put_file() {
	local dest="$root$1" mode="$2" tmp
	tmp="$(mktemp)"
	cat >"$tmp"
	if [ -f "$dest" ] && cmp -s "$tmp" "$dest" && [ "$(stat -c %a "$dest")" = "$mode" ]; then
		rm -f -- "$tmp"
		return 0
	fi
	if [ "$dry_run" = 1 ]; then
		say "sẽ ghi $1"
		changes=$((changes + 1))
		rm -f -- "$tmp"
		return 0
	fi
	mkdir -p -- "$(dirname "$dest")"
	install -m "$mode" -- "$tmp" "$dest.new"
	mv -f -- "$dest.new" "$dest"
	rm -f -- "$tmp"
	changed "đã ghi $1"
}

put_dir() { # $1 path, $2 mode, $3 owner (host mode only)
	local dest="$root$1"
	if [ ! -d "$dest" ]; then
		run mkdir -p -- "$dest"
		changes=$((changes + 1))
		say "thư mục $1"
	fi
	if [ "$dry_run" = 0 ] && [ "$(stat -c %a "$dest")" != "$2" ]; then
		chmod "$2" -- "$dest"
		changed "quyền $2 cho $1"
	fi
	if [ "$host" = 1 ] && [ -n "${3:-}" ] && [ "$(stat -c %U "$dest")" != "$3" ]; then
		chown "$3:$3" -- "$dest"
		changed "chủ sở hữu $3 cho $1"
	fi
}

put_link() { # $1 link path, $2 target; atomic replace (new link renamed over the old)
	local dest="$root$1"
	if [ "$(readlink -- "$dest" 2>/dev/null || true)" = "$2" ]; then return 0; fi
	if [ "$dry_run" = 1 ]; then
		changes=$((changes + 1))
		say "sẽ nối $1 → $2"
		return 0
	fi
	mkdir -p -- "$(dirname "$dest")"
	ln -sfn -- "$2" "$dest.new"
	mv -T -- "$dest.new" "$dest"
	changed "nối $1 → $2"
}

# --- 0. the system ----------------------------------------------------------------------------
os_release="$root/etc/os-release"
[ -f "$os_release" ] || os_release=/etc/os-release
# Read, not sourced: os-release is KEY=value lines, possibly quoted.
os_field() { sed -n "s/^$1=//p" "$os_release" | tr -d '"' | head -n 1; }
os_id="$(os_field ID)"
os_version="$(os_field VERSION_ID)"
case "$os_id:$os_version" in
debian:12 | debian:13 | raspbian:12 | raspbian:13) say "hệ điều hành: $os_id $os_version" ;;
*) say "CẢNH BÁO: $os_id $os_version chưa được thử; chỉ hỗ trợ Debian 12/13, Raspberry Pi OS 64-bit" ;;
esac
arch="$(uname -m)"
case "$arch" in
x86_64 | aarch64) ;;
*) fail "kiến trúc $arch không được hỗ trợ (cần máy 64-bit: x86_64 hoặc aarch64)" ;;
esac

# --- 1. packages --------------------------------------------------------------------------------
chromium_pkg=chromium
if [ "$os_id" = raspbian ] && ! apt-cache show chromium >/dev/null 2>&1; then
	chromium_pkg=chromium-browser # Raspberry Pi OS 12 names its (Debian-built) package so
fi
packages=("$chromium_pkg" cage xwayland curl ca-certificates openssl fonts-noto-core
	speech-dispatcher speech-dispatcher-espeak-ng espeak-ng util-linux)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	say "gói phần mềm: đủ cả"
elif [ "$host" = 0 ]; then
	skip "apt-get install ${missing[*]}"
else
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
	changed "đã cài ${missing[*]}"
fi

# --- 2. Node.js ≥ 20 -----------------------------------------------------------------------------
# Debian 13 (and Raspberry Pi OS 13) ship nodejs 20: we use it. Debian 12's nodejs is 18, too
# old (SvelteKit 2 needs 20). We know of no Debian-signed Node 20 for Debian 12, and this
# script downloads nothing from the internet; so on Debian 12 either a node ≥ 20 is already
# installed (any source), or you bring the official tarball (nodejs.org/dist, e.g.
# node-v20.19.5-linux-arm64.tar.xz for a Pi, -linux-x64 for a PC) on a USB stick and pass
# --node-tarball; with SHASUMS256.txt beside it the checksum is verified.
node_major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
node_target=""
if [ -n "$node_tarball" ]; then
	[ -f "$node_tarball" ] || fail "không thấy $node_tarball"
	node_name="$(basename "$node_tarball" | sed -E 's/\.tar\.(xz|gz)$//')"
	[[ "$node_name" =~ ^node-v2[0-9]|^node-v[3-9][0-9] ]] || fail "$node_tarball không phải Node.js ≥ 20 chính thức"
	sums="$(dirname "$node_tarball")/SHASUMS256.txt"
	if [ -f "$sums" ]; then
		(cd "$(dirname "$node_tarball")" && grep " $(basename "$node_tarball")\$" SHASUMS256.txt | sha256sum -c --quiet -) ||
			fail "sai mã kiểm tra của $node_tarball"
	else
		say "CẢNH BÁO: không có SHASUMS256.txt bên cạnh $node_tarball: không kiểm được mã"
	fi
	node_dir="/opt/tram-hoc-so/node/$node_name"
	if [ ! -x "$root$node_dir/bin/node" ]; then
		run mkdir -p -- "$root$node_dir"
		run tar -xf "$node_tarball" -C "$root$node_dir" --strip-components=1
		changed "đã giải nén Node.js vào $node_dir"
	fi
	node_target="$node_dir/bin/node"
elif [ "$(node_major /usr/bin/node)" -ge 20 ]; then
	node_target=/usr/bin/node
elif [ "$(node_major /usr/local/bin/node)" -ge 20 ]; then
	node_target=/usr/local/bin/node
else
	candidate="$(apt-cache policy nodejs 2>/dev/null | sed -n 's/^ *Candidate: *//p')"
	if [ "${candidate%%.*}" -ge 20 ] 2>/dev/null; then
		if [ "$host" = 1 ]; then
			DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs
			changed "đã cài nodejs $candidate của Debian"
		else
			skip "apt-get install nodejs ($candidate)"
		fi
		node_target=/usr/bin/node
	else
		fail "cần Node.js ≥ 20, máy này chỉ có ${candidate:-không có} từ kho Debian. Trên Debian 12: chép tệp node-v20.x-linux-$([ "$arch" = aarch64 ] && echo arm64 || echo x64).tar.xz (nodejs.org/dist) vào USB rồi chạy lại với --node-tarball TỆP"
	fi
fi
put_link /opt/tram-hoc-so/bin/node "$node_target"

# --- 3. service users -----------------------------------------------------------------------------
ensure_user() { # $1 name, $2 comment, $3… extra groups
	local name="$1" comment="$2" group
	shift 2
	if [ "$host" = 0 ]; then
		skip "useradd $name (nhóm: ${*:-không})"
		return 0
	fi
	if ! id "$name" >/dev/null 2>&1; then
		useradd --system --user-group --no-create-home --home-dir /nonexistent \
			--shell /usr/sbin/nologin --comment "$comment" "$name"
		changed "người dùng hệ thống $name"
	fi
	for group in "$@"; do
		getent group "$group" >/dev/null || continue
		if ! id -nG "$name" | tr ' ' '\n' | grep -qx "$group"; then
			usermod -aG "$group" "$name"
			changed "$name vào nhóm $group"
		fi
	done
}
ensure_user ths-server "Tram Hoc So server"
ensure_user ths-kiosk "Tram Hoc So kiosk screen" video render input audio

# --- 4. the release ---------------------------------------------------------------------------------
release="${release:-$here/..}"
[ -e "$release" ] || fail "không thấy bản phát hành $release"
if [ -d "$release" ]; then
	[ -f "$release/RELEASE" ] || fail "$release không phải bản phát hành (thiếu tệp RELEASE): tạo bằng kiosk/make-release.sh"
	version="$(tr -d '[:space:]' <"$release/RELEASE")"
else
	version="$(tar -xzOf "$release" --wildcards '*/RELEASE' | tr -d '[:space:]')"
fi
[[ "$version" =~ ^[A-Za-z0-9._+-]+$ ]] || fail "tên phiên bản lạ: $version"
current="$(readlink -- "$root/opt/tram-hoc-so/current" 2>/dev/null || true)"
if [ -n "$current" ] && [ "$current" != "releases/$version" ]; then
	say "đã có phiên bản ${current#releases/}; giữ nguyên (cập nhật bằng kiosk/update.sh $release)"
	version="${current#releases/}"
elif [ ! -d "$root/opt/tram-hoc-so/releases/$version" ]; then
	target="$root/opt/tram-hoc-so/releases/$version"
	if [ "$dry_run" = 1 ]; then
		say "sẽ cài bản phát hành $version"
	else
		mkdir -p -- "$target.partial"
		if [ -d "$release" ]; then
			cp -a -- "$(realpath "$release")/." "$target.partial/"
		else
			tar -xzf "$release" -C "$target.partial" --strip-components=1
		fi
		for needed in build/handler.js kiosk/server.js node_modules/sql.js/package.json; do
			[ -e "$target.partial/$needed" ] || fail "bản phát hành thiếu $needed"
		done
		mv -T -- "$target.partial" "$target"
	fi
	changed "bản phát hành $version vào /opt/tram-hoc-so/releases"
fi
put_link /opt/tram-hoc-so/current "releases/$version"
kiosk_dir="$root/opt/tram-hoc-so/releases/$version/kiosk"
[ -d "$kiosk_dir" ] || kiosk_dir="$here" # dry run of a first install: use our own copies

# --- 5. configuration ---------------------------------------------------------------------------------
put_dir /etc/tram-hoc-so 755
if [ ! -f "$root/etc/tram-hoc-so/kiosk.env" ]; then
	put_file /etc/tram-hoc-so/kiosk.env 640 <"$kiosk_dir/kiosk.env"
fi
env_file="$root/etc/tram-hoc-so/kiosk.env"
[ -f "$env_file" ] || env_file="$kiosk_dir/kiosk.env"
kiosk_url="$(sed -n 's/^KIOSK_URL=//p' "$env_file" | tail -n 1)"
origin="$(printf '%s' "${kiosk_url:-http://127.0.0.1:3000/}" | sed -E 's#^([a-z]+://[^/]+).*#\1#')"
backup_dir="$(sed -n 's/^BACKUP_DIR=//p' "$env_file" | tail -n 1)"

for unit in "$kiosk_dir"/systemd/*.service "$kiosk_dir"/systemd/*.timer; do
	name="$(basename "$unit")"
	put_file "/etc/systemd/system/$name" 644 <"$unit"
done
put_file /etc/pam.d/tram-hoc-so-kiosk 644 <<'EOF'
# The kiosk screen's session (tram-hoc-so-browser.service, PAMName=): a logind session on
# tty1 so that cage may open the display and the input devices (as in cage's own example).
auth     required pam_unix.so nullok
account  required pam_unix.so
session  required pam_unix.so
session  required pam_systemd.so
EOF
# Not a pipe: put_file must run in this shell to count its change.
policy="$(sed "s#@ORIGIN@#${origin}#g" "$kiosk_dir/chromium-policy.json")"
put_file /etc/chromium/policies/managed/tram-hoc-so.json 644 <<<"$policy"
put_dir /var/backups/tram-hoc-so 750 ths-server
if [ -n "$backup_dir" ] && [ ! -d "$root$backup_dir" ]; then
	say "nhớ gắn ổ sao lưu vào $backup_dir (xem README: Cài đặt trên máy trạm)"
fi

# --- 6. services -----------------------------------------------------------------------------------------
units=(tram-hoc-so.service tram-hoc-so-browser.service tram-hoc-so-backup.timer)
systemctl_root=()
if [ -n "$root" ]; then systemctl_root=(--root="$root"); fi
for unit in "${units[@]}"; do
	if [ "$(systemctl "${systemctl_root[@]}" is-enabled "$unit" 2>/dev/null || true)" != enabled ]; then
		run systemctl "${systemctl_root[@]}" --quiet enable "$unit"
		changed "bật $unit"
	fi
done
if [ "$(systemctl "${systemctl_root[@]}" get-default 2>/dev/null || true)" != graphical.target ]; then
	if [ "$host" = 1 ]; then
		systemctl set-default graphical.target
		changed "khởi động thẳng vào màn hình (graphical.target)"
	else
		skip "systemctl set-default graphical.target"
	fi
fi
if [ "$host" = 1 ] && [ "$start" = 1 ]; then
	if [ "$changes" -gt 0 ]; then systemctl daemon-reload; fi
	if [ "$changes" -gt 0 ] || ! systemctl is-active --quiet tram-hoc-so.service; then
		systemctl restart tram-hoc-so.service tram-hoc-so-backup.timer
		systemctl restart tram-hoc-so-browser.service
	fi
elif [ "$start" = 1 ]; then
	skip "systemctl daemon-reload; systemctl restart ${units[*]}"
fi

if [ "$changes" -eq 0 ]; then
	say "xong: không có gì thay đổi"
else
	say "xong: $changes thay đổi"
fi
