#!/usr/bin/env bash
# Makes a small certificate authority (CA) for this cultural house and, signed by it, a
# certificate for the kiosk's LAN name and addresses. Phones only give a web page the
# camera over HTTPS; once the CA is installed on a phone (README: "HTTPS on the LAN"),
# the scanner page opens without warnings.
#
#   kiosk/make-certificate.sh [OUT_DIR] [NAME_OR_ADDRESS ...]
#
# OUT_DIR defaults to ./tls. Names default to this machine's hostname, <hostname>.local,
# localhost and every IPv4 address it has. The CA is made once and kept (phones that
# trust it keep working); the server certificate is made again on every run, e.g. when
# the kiosk gets a new address. Then start the server with:
#
#   TLS_CERT=tls/server.crt TLS_KEY=tls/server.key npm start
#
# On a terminal (run as root) the server's key is given to the group ths-server (0640), so the
# service can read it, and the folder opened (0755) so the screen (ths-kiosk) can read
# server.crt, whose key it trusts; ca.key stays root's alone (0600). TLS_GROUP=NAME names
# another group, TLS_GROUP= none.
set -euo pipefail

out="${1:-tls}"
shift || true
mkdir -p "$out"
chmod 700 "$out"
default_group=""
if [ "$(id -u)" = 0 ] && getent group ths-server >/dev/null; then default_group=ths-server; fi
group="${TLS_GROUP-$default_group}"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
	host="$(hostname)"
	names=("$host" "$host.local" localhost 127.0.0.1)
	for ip in $(hostname -I 2>/dev/null || true); do
		case "$ip" in *:*) ;; *) names+=("$ip") ;; esac
	done
fi

san=""
for name in "${names[@]}"; do
	if [[ "$name" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
		san+="IP:$name,"
	else
		san+="DNS:$name,"
	fi
done
san="${san%,}"

if [ ! -s "$out/ca.key" ] || [ ! -s "$out/ca.crt" ]; then
	openssl req -x509 -new -newkey rsa:3072 -nodes -sha256 -days 3650 \
		-keyout "$out/ca.key" -out "$out/ca.crt" \
		-subj "/CN=Tram Hoc So - CA noi bo/O=Tram Hoc So" \
		-addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
	chmod 600 "$out/ca.key"
	echo "Made a new CA: $out/ca.crt (install this one on the phones)"
fi

openssl req -new -newkey rsa:2048 -nodes -sha256 \
	-keyout "$out/server.key" -out "$out/server.csr" \
	-subj "/CN=${names[0]}/O=Tram Hoc So" 2>/dev/null
chmod 600 "$out/server.key"
ext="$(mktemp)"
trap 'rm -f "$ext"' EXIT
cat >"$ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=$san
EXT
# 825 days: the longest validity Apple devices accept for a server certificate.
openssl x509 -req -in "$out/server.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" \
	-CAcreateserial -days 825 -sha256 -extfile "$ext" -out "$out/server.crt" 2>/dev/null
rm -f "$out/server.csr"
if [ -n "$group" ]; then
	chgrp "$group" "$out" "$out/server.key"
	chmod 755 "$out"
	chmod 640 "$out/server.key"
fi
# The CA in the DER form Android's settings import as well as PEM.
openssl x509 -in "$out/ca.crt" -outform der -out "$out/ca.der"

echo "Certificate for: ${names[*]}"
echo "  $out/server.crt and $out/server.key  (TLS_CERT / TLS_KEY)${group:+, readable by the group $group}"
echo "  $out/ca.crt (iPhone, computers) and $out/ca.der (Android): install on each phone"
