#!/usr/bin/env bash
# `npm run test:e2e`: the workflows in a real n8n, with this package installed the way n8n installs community
# packages (npm pack → <user folder>/.n8n/nodes/node_modules/n8n-nodes-idverify).
#
#   npm run test:e2e                                   # every suite, n8n 2.41.1 on Node 24, one n8n process
#   npm run test:e2e -- -t Face                        # extra arguments go to jest
#   IDV_N8N_MODE=queue npm run test:e2e -- batch       # queue mode: PostgreSQL, Redis, main + worker + webhook processor
#   IDV_N8N_VERSION=1.123.81 npm run test:e2e -- examples errorOutput    # n8n 1.x on Node 22
#   IDV_PACKAGE_TGZ=/path/pkg.tgz npm run test:e2e     # use an already packed package (no build)
#
# Queue mode needs Debian's postgresql and redis-server (bash .ci/queue-services.sh installs them).
# Work folders: .e2e/ (git-ignored): one n8n user folder per test file (and mode), each with its n8n logs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

started=$(date +%s)
step() { echo "e2e: $* ($(($(date +%s) - started)) s)"; }
mode="${IDV_N8N_MODE:-default}"

step "installing n8n ${IDV_N8N_VERSION:-2.41.1} (cached after the first run)"
bash scripts/install-n8n.sh >/dev/null

if [ -n "${IDV_PACKAGE_TGZ:-}" ] && [ -f "$IDV_PACKAGE_TGZ" ]; then
	step "using the packed package $IDV_PACKAGE_TGZ"
else
	step "building the package"
	mkdir -p .e2e
	if ! npm run --silent build >.e2e/build.log 2>&1; then
		cat .e2e/build.log
		echo "e2e: the build failed" >&2
		exit 1
	fi
	step "packing it"
	rm -rf .e2e/package
	mkdir -p .e2e/package
	npm pack --silent --pack-destination .e2e/package >/dev/null
	IDV_PACKAGE_TGZ="$(ls "$PWD"/.e2e/package/*.tgz)"
	export IDV_PACKAGE_TGZ
fi

step "running the workflows in n8n ($mode mode)"
status=0
npx jest -c test/e2e/jest.config.js "$@" || status=$?
step "done ($mode mode, n8n ${IDV_N8N_VERSION:-2.41.1})"
exit $status
