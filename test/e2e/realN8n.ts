import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureN8nInstalled, REPO_ROOT } from '../../scripts/n8n/install';
import { N8nInstance, type ExecuteResult } from '../../scripts/n8n/instance';
import { sandboxCredentials, startSandbox, type Sandbox, type WorkflowFile } from '../../scripts/n8n/sandbox';

/**
 * One real n8n for a test file: a fresh user folder with the packed package installed the way n8n installs
 * community packages, the sandbox (vendor emulator + demo CRM) behind the credentials, and the workflows
 * imported. Run through `npm run test:e2e`, which builds and packs the package first.
 */

export interface RealN8n {
	readonly n8n: N8nInstance;
	readonly sandbox: Sandbox;
	execute(workflowId: string): Promise<ExecuteResult>;
	/** n8n's log lines that mention the package together with an error, e.g. a node that failed to load. */
	packageErrors(): string[];
}

export function useRealN8n(name: string, options: { workflows: (crmOrigin: string) => WorkflowFile[]; whatsappCheckingMs?: number }): RealN8n {
	let n8n: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;

	beforeAll(async () => {
		const tarball = process.env.IDV_PACKAGE_TGZ;
		if (!tarball || !existsSync(tarball)) throw new Error('IDV_PACKAGE_TGZ is not set to the packed package: run `npm run test:e2e`');
		sandbox = await startSandbox({ whatsappCheckingMs: options.whatsappCheckingMs });
		const root = join(REPO_ROOT, '.e2e', name);
		rmSync(root, { recursive: true, force: true });
		n8n = new N8nInstance(root, ensureN8nInstalled());
		n8n.installPackage(tarball);
		await n8n.importCredentials(sandboxCredentials(sandbox.emulator));
		await n8n.importWorkflows(options.workflows(sandbox.crm.origin));
	}, 600_000);

	afterAll(async () => {
		await sandbox?.close();
	});

	const ready = <T>(value: T | undefined): T => {
		if (!value) throw new Error('the real n8n was not set up (see the error in beforeAll)');
		return value;
	};
	return {
		get n8n() {
			return ready(n8n);
		},
		get sandbox() {
			return ready(sandbox);
		},
		execute: (workflowId) => ready(n8n).execute(workflowId),
		packageErrors: () =>
			readFileSync(ready(n8n).logFile, 'utf8')
				.split('\n')
				// Log lines, not the execution JSON that `execute --rawOutput` prints (it holds items' own "error" fields).
				.filter((line) => !/^\s*[[\]{}"]/.test(line))
				.filter((line) => /n8n-nodes-idverify|Unrecognized node type/i.test(line) && /error|fail|unrecognized|could not|cannot/i.test(line)),
	};
}

/** The index of a named output; fails loudly when the node no longer has it. */
export function branch(names: readonly string[], name: string): number {
	const index = names.indexOf(name);
	if (index < 0) throw new Error(`no output "${name}"; the node's outputs are ${names.join(', ')}`);
	return index;
}
