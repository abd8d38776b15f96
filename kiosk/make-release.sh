#!/usr/bin/env bash
# Makes a release tarball for terminals, on a development machine or CI (not on the kiosk):
#
#   kiosk/make-release.sh [--out DIR] [--no-build]
#
# → DIR/tram-hoc-so-<version>.tar.gz holding build/, kiosk/, the production node_modules
# (sql.js, qrcode… — plain JavaScript and WebAssembly, so one tarball serves x86-64 PCs and
# 64-bit Raspberry Pis alike), package.json, README.md and RELEASE (the version that
# /api/health reports, which update.sh checks after a restart).
# Version: <package.json version>-<UTC date.time>-<git commit>, e.g. 0.1.0-20261125.1502-d58aafe.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="dist"
build=1
while [ $# -gt 0 ]; do
	case "$1" in
	--out)
		out="$2"
		shift 2
		;;
	--no-build)
		build=0
		shift
		;;
	*)
		echo "make-release: unknown option $1" >&2
		exit 2
		;;
	esac
done

base_version="$(node -p "require('./package.json').version")"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo local)"
version="${base_version}-$(date -u +%Y%m%d.%H%M)-${commit}"
name="tram-hoc-so-${version}"

if [ "$build" = 1 ]; then npm run build; fi
[ -f build/handler.js ] || {
	echo "make-release: no build/ (run npm run build)" >&2
	exit 1
}

staging="$(mktemp -d)"
trap 'rm -rf -- "$staging"' EXIT
mkdir -p -- "$staging/$name"
cp -a build kiosk package.json package-lock.json README.md "$staging/$name/"
echo "$version" >"$staging/$name/RELEASE"
(cd "$staging/$name" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)
mkdir -p -- "$out"
tar -czf "$out/$name.tar.gz" -C "$staging" "$name"
echo "$out/$name.tar.gz"
