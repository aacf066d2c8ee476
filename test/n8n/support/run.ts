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
import { TestCredentialsHelper } from './credentials';
import { INPUT_NODE_TYPE, itemsParameter, type InputItem } from './inputNode';
import type { LoadedPackage } from './nodeTypes';

export interface NodeUnderTest {
	type: string;
	parameters: INode['parameters'];
	name?: string;
	onError?: INode['onError'];
	credentials?: string[];
}

export interface RunResult {
	run: IRun;
	/** Items on each output of the node under test (the Error output last, when it has one). */
	outputs: INodeExecutionData[][];
	/** The error that stopped the run, if any. */
	error: (Error & { description?: string; context?: Record<string, unknown> }) | undefined;
}

let executionCounter = 0;

/**
 * Runs `Input → node` through n8n-core's WorkflowExecute, the engine n8n runs workflows with:
 * the input node stores its files through the binary-data service, the node under test gets the
 * test credentials, and the result holds every output of the node.
 */
export async function runNode(
	pkg: LoadedPackage,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	node: NodeUnderTest,
	items: InputItem[],
): Promise<RunResult> {
	const name = node.name ?? 'Node';
	const credentialTypes = node.credentials ?? Object.keys(credentials);
	const nodes: INode[] = [
		{ id: 'input', name: 'Input', type: INPUT_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: itemsParameter(items) } },
		{
			id: 'under-test',
			name,
			type: node.type,
			typeVersion: 1,
			position: [200, 0],
			parameters: node.parameters,
			credentials: Object.fromEntries(credentialTypes.map((type) => [type, { id: type, name: type }])),
			...(node.onError ? { onError: node.onError } : {}),
		},
	];
	const connections: IConnections = { Input: { main: [[{ node: name, type: 'main', index: 0 }]] } };
	const run = await execute(pkg, credentials, nodes, connections);
	const runData = run.data.resultData.runData[name]?.[0];
	return { run, outputs: (runData?.data?.main ?? []).map((items) => items ?? []), error: run.data.resultData.error as RunResult['error'] };
}

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
		credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, credentials),
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
			throw new Error('not used');
		},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export const newExecutionId = () => `test-${++executionCounter}`;

/** Runs a workflow from its first node (or from `startData`, e.g. what a trigger's webhook returned). */
export async function execute(
	pkg: LoadedPackage,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	nodes: INode[],
	connections: IConnections,
	startData: INodeExecutionData[][] = [[{ json: {} }]],
	mode: 'manual' | 'webhook' = 'manual',
): Promise<IRun> {
	const executionId = newExecutionId();
	const workflow = new Workflow({ id: 'idverify-test', nodes, connections, nodeTypes: pkg.nodeTypes, active: false, settings: { executionOrder: 'v1' } });
	const hooks = new ExecutionLifecycleHooks(mode, executionId, { id: 'idverify-test', name: 'test', nodes, connections, active: false, settings: {} } as never);
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
