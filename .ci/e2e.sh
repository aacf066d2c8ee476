#!/usr/bin/env bash
# CI fragment (called by .ci/run after `npm ci` and `npm test`): the real-n8n end-to-end run.
# A real n8n 2.41.1 is installed from the npm registry into ~/.cache/idverify-n8n (reused by later runs on the
# same machine: seconds instead of ~10 minutes), the packed package is loaded the way n8n loads community
# packages, and the example workflows run against the vendor emulator. Needs no Chromium (screenshots are
# taken separately with scripts/screenshots.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

# sqlite3 is compiled from source against Node 24's headers: make, a C++ compiler and Python (node-gyp).
missing=()
for tool in make g++ python3 tar; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
	echo "e2e (CI): installing build tools for sqlite3 (missing: ${missing[*]}) …"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential python3 tar >/dev/null
fi

npm run test:e2e
echo "e2e (CI): finished in $(($(date +%s) - started)) s"
