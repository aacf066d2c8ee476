#!/usr/bin/env bash
# `npm run test:e2e`: the example workflows in a real n8n 2.x on Node 24, with this package installed the
# way n8n installs community packages (npm pack → <user folder>/.n8n/nodes/node_modules/n8n-nodes-idverify).
#
#   npm run test:e2e                 # everything
#   npm run test:e2e -- -t Face      # extra arguments go to jest
#
# Work folders: .e2e/ (git-ignored): one n8n user folder per test file, each with its n8n.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

started=$(date +%s)
step() { echo "e2e: $* ($(($(date +%s) - started)) s)"; }

step "installing n8n (cached after the first run)"
bash scripts/install-n8n.sh >/dev/null

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

step "running the workflows in n8n"
status=0
npx jest -c test/e2e/jest.config.js "$@" || status=$?
step "done"
exit $status
