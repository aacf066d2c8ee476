#!/usr/bin/env bash
# `npm run n8n`: a real local n8n 2.x (Node 24) with this package installed as a community package, the vendor
# sandbox behind its credentials and the example workflows imported. Open http://127.0.0.1:5678 when it says so.
#   N8N_PORT=5678 SANDBOX_PORT=8787 DEMO_CRM_PORT=8788 (the defaults); n8n is installed once into
#   IDV_N8N_HOME (default ~/.cache/idverify-n8n); IDV_N8N_VERSION picks another n8n (e.g. 1.123.81).
#   See docs/n8n-queue-mode.md for every port and variable.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "n8n-local: installing n8n if needed (the first time takes about 5 minutes; then it is cached) …"
bash scripts/install-n8n.sh >/dev/null
echo "n8n-local: building and packing the package …"
mkdir -p .n8n-local
if ! npm run --silent build >.n8n-local/build.log 2>&1; then
	cat .n8n-local/build.log
	echo "n8n-local: the build failed" >&2
	exit 1
fi
rm -rf .n8n-local/package
mkdir -p .n8n-local/package
npm pack --silent --pack-destination .n8n-local/package >/dev/null
IDV_PACKAGE_TGZ="$(ls "$PWD"/.n8n-local/package/*.tgz)"
export IDV_PACKAGE_TGZ
# Node 24 (the `node` devDependency) runs the sandbox as well as n8n.
exec node_modules/node/bin/node dist/scripts/n8n-local.js
