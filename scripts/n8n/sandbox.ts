import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator';
import { startDemoCrm, type DemoCrm } from './demoCrm';
import { REPO_ROOT } from './install';
import type { CredentialImport } from './instance';

/**
 * What the example workflows talk to when n8n runs them here: the vendor emulator (behind the two
 * credentials) and the demo CRM (the examples' HTTP Request nodes). Nothing leaves the machine.
 */

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples', 'n8n');

/** The ids the example workflows use for their credentials. */
export const CREDENTIAL_IDS = { aiSolution: 'idvAiSolutionSandbox', accuAuth: 'idvAccuAuthSandbox' } as const;

/** The CRM address written in the example workflows; replaced by the running demo CRM's when they are loaded. */
export const EXAMPLE_CRM_ORIGIN = 'http://127.0.0.1:8788';

export interface Sandbox {
	emulator: Emulator;
	crm: DemoCrm;
	close(): Promise<void>;
}

export async function startSandbox(
	options: { emulatorPort?: number; crmPort?: number; whatsappCheckingMs?: number } = {},
): Promise<Sandbox> {
	const emulator = await startEmulator({ port: options.emulatorPort ?? 0, whatsappCheckingMs: options.whatsappCheckingMs });
	const crm = await startDemoCrm(options.crmPort ?? 0).catch(async (error: unknown) => {
		await emulator.close();
		throw error;
	});
	return {
		emulator,
		crm,
		close: async () => {
			await Promise.all([emulator.close(), crm.close()]);
		},
	};
}

/** Credentials for both vendors, pointing at the emulator (sandbox values, not secrets). */
export function sandboxCredentials(emulator: Emulator): CredentialImport[] {
	return [
		{
			id: CREDENTIAL_IDS.aiSolution,
			name: 'AI Solution (idverify sandbox)',
			type: 'aiSolutionApi',
			data: { token: emulator.credentials.token, baseUrl: emulator.baseUrls.aisolution },
		},
		{
			id: CREDENTIAL_IDS.accuAuth,
			name: 'AccuAuth (idverify sandbox)',
			type: 'accuAuthApi',
			data: { apiId: emulator.credentials.apiId, apiSecret: emulator.credentials.apiSecret, baseUrl: emulator.baseUrls.accuauth },
		},
	];
}

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

/** The workflows in a folder (examples/n8n by default), with the CRM address pointed at `crmOrigin`. */
export function loadWorkflows(crmOrigin: string, dir = EXAMPLES_DIR): WorkflowFile[] {
	return loadWorkflowFiles(crmOrigin, dir).map(({ workflow }) => workflow);
}

/** The same, with each workflow's file name (without .json). */
export function loadWorkflowFiles(crmOrigin: string, dir = EXAMPLES_DIR): Array<{ file: string; workflow: WorkflowFile }> {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const text = readFileSync(join(dir, name), 'utf8').split(EXAMPLE_CRM_ORIGIN).join(crmOrigin);
			const workflow = JSON.parse(text) as WorkflowFile;
			if (!workflow.id || workflow.id.length > 21)
				throw new Error(`${name}: a workflow needs an id of at most 21 characters, got "${workflow.id}"`);
			return { file: name.replace(/\.json$/, ''), workflow };
		});
}
