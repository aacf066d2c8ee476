#!/usr/bin/env bash
# CI fragment (called by .ci/run after `npm install` and `npm test`): the real-n8n end-to-end runs.
#
#   1. n8n 2.41.1 (Node 24), one process: every suite in test/e2e.
#   2. n8n 2.41.1 in queue mode: PostgreSQL + Redis (Debian's packages), a main, a worker and a webhook
#      processor: the examples, the 200-item batch and webhook uploads, the WhatsApp callbacks, the
#      wait-for-callback mode, signed callbacks, the privacy read-back and the review loop.
#   3. n8n 1.123.81 (Node 22), one process: the examples ("n8n1"), and "Continue (using error output)"
#      ("n8n1-error-output": failed items reach n8n's Error output with their input fields, as on 2.x).
#
# Each n8n version is installed from the npm registry into ~/.cache/idverify-n8n/n8n-<version> (reused by later
# runs on the same machine: seconds instead of about 5 minutes). The package is built and packed once, and
# loaded the way n8n loads community packages. Needs no Chromium (screenshots are taken by scripts/screenshots.sh).
# IDV_E2E_PHASES="default queue n8n1 n8n1-error-output" (the default) chooses the phases.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
phases="${IDV_E2E_PHASES:-default queue n8n1 n8n1-error-output}"
timings=()
# Runs one phase and remembers how long it took; the first failing phase ends the run (after the timings).
phase() {
	local name="$1"
	shift
	local from status=0
	from=$(date +%s)
	echo "e2e (CI): ── $name ──"
	"$@" || status=$?
	timings+=("$(printf '%-52s %5d s%s' "$name" $(($(date +%s) - from)) "$([ $status -eq 0 ] || echo '  FAILED')")")
	if [ $status -ne 0 ]; then
		report
		exit $status
	fi
}
report() {
	echo "e2e (CI): timings"
	for line in "${timings[@]}"; do echo "  $line"; done
	echo "  $(printf '%-52s %5d s' 'total' $(($(date +%s) - started)))"
}
wants() { [[ " $phases " == *" $1 "* ]]; }

# sqlite3 is compiled from source against the Node headers: make, a C++ compiler and Python (node-gyp).
build_tools() {
	local missing=()
	for tool in make g++ python3 tar; do command -v "$tool" >/dev/null || missing+=("$tool"); done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "e2e (CI): installing build tools for sqlite3 (missing: ${missing[*]}) …"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential python3 tar >/dev/null
	fi
}
build_and_pack() {
	mkdir -p .e2e
	npm run --silent build >.e2e/build.log 2>&1 || {
		cat .e2e/build.log
		return 1
	}
	rm -rf .e2e/package && mkdir -p .e2e/package
	npm pack --silent --pack-destination .e2e/package >/dev/null
}

phase "build tools" build_tools
# A package packed beforehand (IDV_PACKAGE_TGZ) is used as it is: CI always builds its own.
if [ -z "${IDV_PACKAGE_TGZ:-}" ]; then
	phase "build and pack the package" build_and_pack
	IDV_PACKAGE_TGZ="$(ls "$PWD"/.e2e/package/*.tgz)"
fi
export IDV_PACKAGE_TGZ

if wants default; then
	phase "install n8n 2.41.1 (cached after the first run)" bash scripts/install-n8n.sh
	phase "n8n 2.41.1: every suite" bash test/e2e/run.sh
fi
if wants queue; then
	phase "PostgreSQL and Redis (Debian packages)" bash .ci/queue-services.sh
	phase "n8n 2.41.1 queue mode: main + worker + webhook" env IDV_N8N_MODE=queue bash test/e2e/run.sh \
		examples batch running waitCallback signedCallbacks privacy reviewLoop
fi
if wants n8n1 || wants n8n1-error-output; then
	phase "install n8n 1.123.81 on Node 22 (cached)" env IDV_N8N_VERSION=1.123.81 bash scripts/install-n8n.sh
fi
if wants n8n1; then
	phase "n8n 1.123.81: the examples" env IDV_N8N_VERSION=1.123.81 bash test/e2e/run.sh examples
fi
if wants n8n1-error-output; then
	phase "n8n 1.123.81: Continue (using error output)" env IDV_N8N_VERSION=1.123.81 bash test/e2e/run.sh errorOutput
fi
report
