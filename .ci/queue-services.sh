#!/usr/bin/env bash
# Installs Debian's PostgreSQL and Redis for the queue-mode e2e (the tests start their own instances on free
# loopback ports, with their data in temporary folders; the packages' own services are not used).
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""
	if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	if command -v service >/dev/null 2>&1; then
		$SUDO service redis-server stop >/dev/null 2>&1 || true
		$SUDO service postgresql stop >/dev/null 2>&1 || true
	fi
fi
echo "queue services: $(redis-server --version | head -c 40) · $(ls -d /usr/lib/postgresql/*/bin | tail -n 1)"
