#!/usr/bin/env bash
# The README's screenshots: the example workflows, the review form and the nodes' panels in a real n8n editor, in
# headless Chromium (Debian's: apt-get install chromium). Writes docs/screenshots/*.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
	echo "screenshots: installing Debian's chromium …"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash scripts/install-n8n.sh >/dev/null
mkdir -p .e2e
if ! npm run --silent build >.e2e/build.log 2>&1; then
	cat .e2e/build.log
	echo "screenshots: the build failed" >&2
	exit 1
fi
rm -rf .e2e/screenshots-package
mkdir -p .e2e/screenshots-package
npm pack --silent --pack-destination .e2e/screenshots-package >/dev/null
IDV_PACKAGE_TGZ="$(ls "$PWD"/.e2e/screenshots-package/*.tgz)"
export IDV_PACKAGE_TGZ
exec node_modules/node/bin/node dist/scripts/screenshots.js
