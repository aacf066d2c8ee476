import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from the TypeScript sources (scripts/n8n) and from the build (dist/scripts/n8n). */
export const REPO_ROOT = (() => {
	let dir = __dirname;
	while (!existsSync(join(dir, 'scripts', 'install-n8n.sh'))) {
		const parent = join(dir, '..');
		if (parent === dir) throw new Error(`scripts/install-n8n.sh not found above ${__dirname}`);
		dir = parent;
	}
	return dir;
})();

export interface N8nInstall {
	/** The folder with node_modules/n8n. */
	dir: string;
	/** n8n's CLI entry (run it with `node`). */
	bin: string;
	/** The Node binary that runs n8n (Node 24 for n8n 2.x, Node 22 for 1.x). */
	node: string;
	/** The installed n8n's version, e.g. 2.41.1. */
	version: string;
}

/**
 * Installs n8n if needed (scripts/install-n8n.sh; seconds when the cached install works) and says where it is.
 * The version is IDV_N8N_VERSION's (default 2.41.1), as for the script.
 */
export function ensureN8nInstalled(): N8nInstall {
	const output = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'install-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const dir = output.trim().split('\n').pop() ?? '';
	const bin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(bin)) throw new Error(`install-n8n.sh reported "${dir}", which has no n8n`);
	const nodeFile = join(dir, '.idverify-node');
	const node = existsSync(nodeFile) ? readFileSync(nodeFile, 'utf8').trim() : join(REPO_ROOT, 'node_modules', 'node', 'bin', 'node');
	const { version } = JSON.parse(readFileSync(join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string };
	return { dir, bin, node, version };
}

/**
 * `npm pack` of this repository into `destination`: exactly what users install from the registry
 * (build first: the package ships dist/). Returns the tarball's path.
 */
export function packPackage(destination: string): string {
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(destination).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}`);
	return join(destination, tarball);
}
