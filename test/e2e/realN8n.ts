import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredExecution } from '../../scripts/n8n/executions';
import { ensureN8nInstalled, REPO_ROOT } from '../../scripts/n8n/install';
import { freePort, N8nInstance, type ExecuteResult, type RunningN8n } from '../../scripts/n8n/instance';
import { startManualRun, waitForExecutions } from '../../scripts/n8n/manualRun';
import { ownerSession } from '../../scripts/n8n/owner';
import {
	queueDatabase,
	queueEnv,
	startQueueProcesses,
	startQueueServices,
	type QueueServices,
	type RunningQueue,
} from '../../scripts/n8n/queueMode';
import { sandboxCredentials, startSandbox, type Sandbox, type WorkflowFile } from '../../scripts/n8n/sandbox';

/**
 * One real n8n for a test file: a fresh user folder with the packed package installed the way n8n installs
 * community packages, the sandbox (vendor emulator + demo CRM) behind the credentials, and the workflows
 * imported. Run through `npm run test:e2e`, which builds and packs the package first.
 *
 * IDV_N8N_MODE=queue runs the same file in queue mode: PostgreSQL and Redis, a main, a worker and a webhook
 * processor; workflows run manually are then sent to the worker through the REST API, as the editor does.
 * IDV_N8N_VERSION picks the n8n version (scripts/install-n8n.sh).
 */

export type N8nMode = 'default' | 'queue';
export const N8N_MODE: N8nMode = process.env.IDV_N8N_MODE === 'queue' ? 'queue' : 'default';

/** Addresses the workflows may need before n8n runs: the demo CRM, and where production webhooks arrive. */
export interface Origins {
	crm: string;
	/** The webhook processor in queue mode, the one n8n otherwise. */
	webhook: string;
}

export interface RealN8n {
	readonly mode: N8nMode;
	readonly n8n: N8nInstance;
	readonly sandbox: Sandbox;
	/** The installed n8n's version, e.g. 2.41.1. */
	readonly version: string;
	/** The running main instance's address (with `server: true`, and always in queue mode). */
	readonly url: string;
	readonly webhookOrigin: string;
	/** The queue-mode processes and services; undefined in the default mode. */
	readonly queue: { processes: RunningQueue; services: QueueServices } | undefined;
	/** The owner's session cookie for the REST API (with a running n8n). */
	cookie(): Promise<string>;
	/** Runs a workflow that starts with a Manual Trigger: `n8n execute` by default, the REST API in queue mode. */
	execute(workflowId: string): Promise<ExecuteResult>;
	/** Waits for executions of a workflow (e.g. started by a webhook) that ended after `afterId`. */
	waitForExecutions(
		workflowId: string,
		options?: { count?: number; afterId?: number; timeoutMs?: number; done?: (execution: StoredExecution) => boolean },
	): Promise<StoredExecution[]>;
	/** n8n's log lines (every process's) that mention the package together with an error, e.g. a node that failed to load. */
	packageErrors(): string[];
}

export interface RealN8nOptions {
	workflows: (origins: Origins) => WorkflowFile[];
	whatsappCheckingMs?: number;
	/** Start n8n as a server (`n8n start`) after the import, with these workflows published first. */
	server?: boolean;
	publish?: string[];
}

export function useRealN8n(name: string, options: RealN8nOptions): RealN8n {
	let n8n: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	let services: QueueServices | undefined;
	let processes: RunningQueue | undefined;
	let server: RunningN8n | undefined;
	let webhookOrigin = '';
	let session: Promise<string> | undefined;
	const triggers = new Map<string, string>();
	const folder = N8N_MODE === 'queue' ? `${name}-queue` : name;

	beforeAll(async () => {
		const tarball = process.env.IDV_PACKAGE_TGZ;
		if (!tarball || !existsSync(tarball)) throw new Error('IDV_PACKAGE_TGZ is not set to the packed package: run `npm run test:e2e`');
		sandbox = await startSandbox({ whatsappCheckingMs: options.whatsappCheckingMs });
		const root = join(REPO_ROOT, '.e2e', folder);
		rmSync(root, { recursive: true, force: true });
		const install = ensureN8nInstalled();
		const mainPort = await freePort();
		const webhookPort = N8N_MODE === 'queue' ? await freePort() : mainPort;
		webhookOrigin = `http://127.0.0.1:${webhookPort}`;
		if (N8N_MODE === 'queue') {
			services = await startQueueServices(folder);
			n8n = new N8nInstance(root, install, queueEnv(services, webhookOrigin), queueDatabase(services, install.dir));
		} else {
			n8n = new N8nInstance(root, install);
		}
		n8n.installPackage(tarball);
		await n8n.importCredentials(sandboxCredentials(sandbox.emulator));
		const workflows = options.workflows({ crm: sandbox.crm.origin, webhook: webhookOrigin });
		for (const workflow of workflows) {
			const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
			if (trigger) triggers.set(workflow.id, trigger.name);
		}
		await n8n.importWorkflows(workflows);
		for (const id of options.publish ?? []) await n8n.publishWorkflow(id);
		if (N8N_MODE === 'queue') processes = await startQueueProcesses(n8n, { main: mainPort, webhook: webhookPort });
		else if (options.server) server = await n8n.start(mainPort);
	}, 600_000);

	afterAll(async () => {
		await processes?.stop();
		await server?.stop();
		await services?.stop();
		await sandbox?.close();
	}, 120_000);

	const ready = <T>(value: T | undefined, what = 'the real n8n'): T => {
		if (!value) throw new Error(`${what} was not set up (see the error in beforeAll)`);
		return value;
	};
	const mainUrl = () => ready(processes?.main.url ?? server?.url, 'a running n8n');
	const cookie = () => (session ??= ownerSession(mainUrl()));

	return {
		mode: N8N_MODE,
		get n8n() {
			return ready(n8n);
		},
		get sandbox() {
			return ready(sandbox);
		},
		get version() {
			return ready(n8n).install.version;
		},
		get url() {
			return mainUrl();
		},
		get webhookOrigin() {
			return ready(webhookOrigin || undefined);
		},
		get queue() {
			return processes && services ? { processes, services } : undefined;
		},
		cookie,
		execute: async (workflowId) => {
			const instance = ready(n8n);
			if (N8N_MODE !== 'queue') return await instance.execute(workflowId);
			const trigger = triggers.get(workflowId);
			if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger to run it from`);
			const id = await startManualRun(mainUrl(), await cookie(), workflowId, trigger);
			const [execution] = await waitForExecutions(instance.database, workflowId, {
				afterId: id - 1,
				done: (run) => run.id === id && (run.finished || (run.status !== 'running' && run.status !== 'new')),
			});
			return { execution, exit: { code: 0, signal: null, output: '' } };
		},
		waitForExecutions: (workflowId, waitOptions) => waitForExecutions(ready(n8n).database, workflowId, waitOptions),
		packageErrors: () => {
			const instance = ready(n8n);
			const logs = [instance.logFile, ...(processes ? [processes.worker.logFile, processes.webhook.logFile] : [])];
			return (
				logs
					.filter((file) => existsSync(file))
					.flatMap((file) => readFileSync(file, 'utf8').split('\n'))
					// Log lines, not the execution JSON that `execute --rawOutput` prints (it holds items' own "error" fields).
					.filter((line) => !/^\s*[[\]{}"]/.test(line))
					.filter(
						(line) => /n8n-nodes-idverify|Unrecognized node type/i.test(line) && /error|fail|unrecognized|could not|cannot/i.test(line),
					)
			);
		},
	};
}

/** The index of a named output; fails loudly when the node no longer has it. */
export function branch(names: readonly string[], name: string): number {
	const index = names.indexOf(name);
	if (index < 0) throw new Error(`no output "${name}"; the node's outputs are ${names.join(', ')}`);
	return index;
}

/**
 * Calls a production webhook of a published workflow. Published workflows are activated after n8n is ready
 * (and a webhook processor learns of them from the database), so a 404 is retried for up to a minute.
 */
export async function callWebhook(url: string, init: RequestInit = {}): Promise<Response> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const response = await fetch(url, init);
		if (response.status !== 404 || Date.now() > deadline) return response;
		await response.arrayBuffer();
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
