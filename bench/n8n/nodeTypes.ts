import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { IVersionedNodeType } from 'n8n-workflow';
import { loadBuiltPackage, type LoadedPackage } from '../support/n8n/package';
import { BENCH_ITEMS_TYPE, BenchItems } from './benchItems';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** n8n's own HTTP Request node, as the benchmark names it in workflows. */
export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';

/**
 * The folder of the cached real n8n install (scripts/install-n8n.sh: seconds when it is already there,
 * about 5 minutes the first time on a machine).
 */
export function n8nInstallDir(): string {
	const out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts/install-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return out.trim().split('\n').pop()!;
}

/** n8n-nodes-base as the installed n8n itself finds it: next to n8n, or nested inside it (npm decides). */
export function nodesBaseDir(installDir: string): string {
	const n8nDir = path.join(installDir, 'node_modules', 'n8n');
	try {
		return path.dirname(require.resolve('n8n-nodes-base/package.json', { paths: [n8nDir] }));
	} catch {
		throw new Error(`install-n8n.sh printed ${installDir}, where n8n finds no n8n-nodes-base`);
	}
}

export interface BenchPackage extends LoadedPackage {
	/** The n8n-nodes-base version the HTTP Request node came from. */
	nodesBaseVersion: string;
}

/**
 * Our built package (dist/, loaded by n8n-core's PackageDirectoryLoader as n8n loads a community package),
 * n8n's real HTTP Request node from the cached n8n install, and the benchmark's input node.
 */
export async function loadBenchPackage(): Promise<BenchPackage> {
	const nodesBase = nodesBaseDir(n8nInstallDir());
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(path.join(nodesBase, 'dist/nodes/HttpRequest/HttpRequest.node.js')) as {
		HttpRequest: new () => IVersionedNodeType;
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const nodesBaseVersion = (require(path.join(nodesBase, 'package.json')) as { version: string }).version;
	const pkg = await loadBuiltPackage(REPO_ROOT, { [BENCH_ITEMS_TYPE]: new BenchItems(), [HTTP_REQUEST_TYPE]: new HttpRequest() });
	return { ...pkg, nodesBaseVersion };
}
