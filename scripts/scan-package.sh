#!/usr/bin/env bash
# Lints the packed package the way n8n's verification scanner (@n8n/scan-community-package) lints a
# published tarball: its own ESLint rules on every shipped .js file and package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
SCAN_HOME="${IDV_SCAN_HOME:-$HOME/.cache/idverify-scan}"
mkdir -p "$SCAN_HOME"
if [ ! -f "$SCAN_HOME/node_modules/@n8n/scan-community-package/scanner/scanner.mjs" ]; then
	(cd "$SCAN_HOME" && [ -f package.json ] || echo '{"private":true}' > package.json
	 cd "$SCAN_HOME" && npm install --no-audit --no-fund --ignore-scripts @n8n/scan-community-package@0.32.0 >/dev/null)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --pack-destination "$work" >/dev/null 2>&1
tar xzf "$work"/*.tgz -C "$work"
cat > "$SCAN_HOME/scan.mjs" <<'JS'
import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';
const result = await analyzePackage(process.argv[2], ['**/*.js', 'package.json']);
if (result.details) console.log(result.details);
console.log(result.passed ? 'n8n package scan: passed' : `n8n package scan: FAILED (${result.message})`);
process.exit(result.passed ? 0 : 1);
JS
(cd "$SCAN_HOME" && node scan.mjs "$work/package")
