#!/usr/bin/env bash
# Starts the kiosk's Chromium against the local server and keeps an eye on both.
# Run by tram-hoc-so-browser.service inside cage; also usable by hand for checks:
#
#   launch-browser.sh --dry-run     print the exact Chromium command and exit (nothing runs)
#   launch-browser.sh --headless    no screen needed (CI): headless Chromium, same flags
#
# What it does: waits until the server answers /api/health; empties the browser profile
# (every start is a fresh profile: nothing a resident typed or opened survives); starts
# Chromium in kiosk mode; exits when Chromium dies, or when the server has stayed unhealthy
# for a while (so the page cannot sit on an error screen) — systemd (Restart=always) then
# starts everything again.
#
# Settings (environment, usually from /etc/tram-hoc-so/kiosk.env):
#   KIOSK_URL              page to show            (default http://127.0.0.1:$PORT/)
#   CHROMIUM               browser binary          (default /usr/bin/chromium)
#   KIOSK_PROFILE_DIR      profile, wiped at start (default $RUNTIME_DIRECTORY/profile)
#   KIOSK_WAIT_SECONDS     give up waiting for the server after this long (0 = never)
#   KIOSK_UNHEALTHY_CHECKS restart the browser after this many failed checks, 5 s apart (6)
#   TLS_CERT               with an https KIOSK_URL: the server's certificate, trusted by key
#   KIOSK_DEBUG_PORT       tests only: open Chromium's DevTools protocol on this port
set -euo pipefail

dry_run=0
headless=0
for arg in "$@"; do
	case "$arg" in
	--dry-run) dry_run=1 ;;
	--headless) headless=1 ;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "launch-browser.sh: unknown option $arg (try --help)" >&2
		exit 2
		;;
	esac
done

port="${PORT:-3000}"
url="${KIOSK_URL:-http://127.0.0.1:${port}/}"
origin="$(printf '%s' "$url" | sed -E 's#^([a-z]+://[^/]+).*#\1#')"
health_url="${origin}/api/health"
chromium="${CHROMIUM:-/usr/bin/chromium}"
profile="${KIOSK_PROFILE_DIR:-${RUNTIME_DIRECTORY:-${XDG_RUNTIME_DIR:-/tmp}}/tram-hoc-so-profile}"
wait_seconds="${KIOSK_WAIT_SECONDS:-0}"
unhealthy_checks="${KIOSK_UNHEALTHY_CHECKS:-6}"

flags=(
	--kiosk
	--no-first-run
	--no-default-browser-check
	--noerrdialogs
	--disable-infobars
	# No "restore pages?" or "Chromium didn't shut down correctly" bubbles after a power cut.
	--disable-session-crashed-bubble
	--hide-crash-restore-bubble
	# Elderly hands: no pinch zoom, no swipe-to-go-back, no overscroll glow.
	--disable-pinch
	--overscroll-history-navigation=0
	'--disable-features=TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation,MediaRouter'
	# The narrator speaks without a tap first; local Vietnamese voices via speech-dispatcher.
	--autoplay-policy=no-user-gesture-required
	--enable-speech-dispatcher
	--lang=vi
	--touch-events=enabled
	# "In bài này" prints straight to the default printer (CUPS): Chromium's print dialog, in
	# small text with a printer picker, is not something a resident can use on a touch screen.
	--kiosk-printing
	# Nothing from the internet: no updates, sync, metrics or background fetches.
	--disable-background-networking
	--disable-component-update
	--disable-sync
	--disable-breakpad
	--disable-domain-reliability
	--metrics-recording-only
	--password-store=basic
	--check-for-update-interval=31536000
	"--user-data-dir=${profile}"
	"--disk-cache-dir=${profile}/cache"
	--disk-cache-size=67108864
)
# With HTTPS (TLS_CERT, for the phones' cameras) the kiosk talks to its own server through a
# LAN certificate no browser knows: trust exactly that key, nothing wider.
curl_tls=()
if [[ "$url" == https://* ]]; then
	curl_tls=(--insecure) # loopback to our own server; Chromium below pins the key
	if [ -n "${TLS_CERT:-}" ] && [ -r "$TLS_CERT" ]; then
		spki="$(openssl x509 -in "$TLS_CERT" -pubkey -noout | openssl pkey -pubin -outform der |
			openssl dgst -sha256 -binary | base64)"
		flags+=("--ignore-certificate-errors-spki-list=${spki}")
	fi
fi
if [ "$headless" = 1 ]; then
	flags+=(--headless --disable-gpu '--window-size=1920,1080')
else
	flags+=(--ozone-platform=wayland --start-fullscreen)
fi
# Chromium refuses to run as root with its sandbox; only CI runs it as root.
if [ "$(id -u)" = 0 ]; then flags+=(--no-sandbox); fi
if [ -n "${KIOSK_DEBUG_PORT:-}" ]; then
	flags+=("--remote-debugging-port=${KIOSK_DEBUG_PORT}" --remote-debugging-address=127.0.0.1)
fi
command=("$chromium" "${flags[@]}" "$url")

if [ "$dry_run" = 1 ]; then
	printf '%q ' "${command[@]}" | sed 's/ $//'
	echo
	exit 0
fi

healthy() { curl -fsS --max-time 4 "${curl_tls[@]}" -o /dev/null "$health_url"; }

echo "launch-browser: waiting for ${health_url}"
waited=0
until healthy; do
	if [ "$wait_seconds" -gt 0 ] && [ "$waited" -ge "$wait_seconds" ]; then
		echo "launch-browser: the server did not answer within ${wait_seconds} s" >&2
		exit 1
	fi
	sleep 1
	waited=$((waited + 1))
done

rm -rf -- "$profile"
mkdir -p -- "$profile"
chmod 0700 -- "$profile"

"${command[@]}" &
browser=$!
stop_browser() {
	kill -TERM "$browser" 2>/dev/null || true
	wait "$browser" 2>/dev/null || true
}
trap 'stop_browser; exit 0' TERM INT
echo "launch-browser: Chromium ${browser} shows ${url}"

failures=0
while kill -0 "$browser" 2>/dev/null; do
	sleep 5 &
	wait $! || true
	if healthy; then
		failures=0
	else
		failures=$((failures + 1))
		echo "launch-browser: health check failed (${failures}/${unhealthy_checks})" >&2
		if [ "$failures" -ge "$unhealthy_checks" ]; then
			stop_browser
			exit 1
		fi
	fi
done
wait "$browser" || status=$?
echo "launch-browser: Chromium exited (status ${status:-0})" >&2
exit 1
