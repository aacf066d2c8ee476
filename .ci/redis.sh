#!/usr/bin/env bash
# Installs Debian's redis-server for the GraphQL multi-instance tests (the tests start and stop it themselves).
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
	echo "redis-server present: $(redis-server --version | head -c 80)"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package's own service is not needed: the tests run their own instance on a free loopback port.
if command -v service >/dev/null 2>&1; then $SUDO service redis-server stop >/dev/null 2>&1 || true; fi
echo "redis-server installed: $(redis-server --version | head -c 80)"
