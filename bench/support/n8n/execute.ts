import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { FixedCredentialsHelper } from './credentials';
import type { LoadedPackage } from './package';

/** What n8n hands a node besides its items: credentials, hooks, URLs. */
export function additionalDataFor(
	pkg: LoadedPackage,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	executionId: string,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		executionId,
		credentialsHelper: new FixedCredentialsHelper(pkg.credentialTypes, credentials),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		currentNodeExecutionIndex: 0,
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('executeWorkflow is not used: the workflows run here call no sub-workflow');
		},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

export const newExecutionId = () => `test-${++executionCounter}`;

/**
 * Runs a workflow through n8n-core's WorkflowExecute, the engine n8n runs workflows with, from its first node
 * (or from `startData`, e.g. what a trigger's webhook returned), and resolves with the finished run.
 */
export async function execute(
	pkg: LoadedPackage,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	nodes: INode[],
	connections: IConnections,
	startData: INodeExecutionData[][] = [[{ json: {} }]],
	mode: 'manual' | 'webhook' = 'manual',
): Promise<IRun> {
	const executionId = newExecutionId();
	const id = 'idverify-test';
	const workflow = new Workflow({ id, nodes, connections, nodeTypes: pkg.nodeTypes, active: false, settings: { executionOrder: 'v1' } });
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id,
		name: 'test',
		nodes,
		connections,
		active: false,
		settings: {},
	} as never);
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));
	const additionalData = additionalDataFor(pkg, credentials, executionId, hooks);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: nodes[0], data: { main: startData }, source: null }] },
	});
	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	return await finished;
}
