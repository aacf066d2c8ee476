import type { IConnections, INode, INodeExecutionData, IRun } from 'n8n-workflow';
import { execute } from '../support/n8n/execute';
import type { RemoteEmulator } from '../emulatorProcess';
import { BENCH_ITEMS_TYPE, type BenchItemsSpec } from './benchItems';
import type { BenchPackage } from './nodeTypes';

/** The node a benchmark workflow runs after its input node. */
export interface BenchNode {
	type: string;
	typeVersion?: number;
	parameters: INode['parameters'];
	onError?: INode['onError'];
	/** Credential types the node uses (ours); none for the HTTP Request node. */
	credentials?: string[];
}

export interface WorkflowResult {
	run: IRun;
	/** The node's own execution time as n8n records it (runData executionTime), ms. */
	nodeMs: number;
	/** Items on each of the node's outputs. */
	outputs: INodeExecutionData[][];
	error: Error | undefined;
}

const NODE_NAME = 'Under test';

/** Credentials of both vendors pointing at the emulator. */
export function emulatorCredentials(emulator: RemoteEmulator) {
	return {
		aiSolutionApi: { token: emulator.credentials.token, baseUrl: emulator.baseUrls.aisolution },
		accuAuthApi: { apiId: emulator.credentials.apiId, apiSecret: emulator.credentials.apiSecret, baseUrl: emulator.baseUrls.accuauth },
	};
}

/**
 * Runs `Input → node` through n8n-core's WorkflowExecute (support/n8n/execute.ts, shared with test/n8n): the input node
 * stores its files through the binary-data service, and n8n times each node.
 */
export async function runWorkflow(
	pkg: BenchPackage,
	emulator: RemoteEmulator,
	items: BenchItemsSpec,
	node: BenchNode,
): Promise<WorkflowResult> {
	const nodes: INode[] = [
		{ id: 'input', name: 'Input', type: BENCH_ITEMS_TYPE, typeVersion: 1, position: [0, 0], parameters: { spec: JSON.stringify(items) } },
		{
			id: 'under-test',
			name: NODE_NAME,
			type: node.type,
			typeVersion: node.typeVersion ?? 1,
			position: [200, 0],
			parameters: node.parameters,
			...(node.credentials ? { credentials: Object.fromEntries(node.credentials.map((type) => [type, { id: type, name: type }])) } : {}),
			...(node.onError ? { onError: node.onError } : {}),
		},
	];
	const connections: IConnections = { Input: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } };
	const run = await execute(pkg, emulatorCredentials(emulator), nodes, connections);
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		run,
		nodeMs: taskData?.executionTime ?? NaN,
		outputs: (taskData?.data?.main ?? []).map((list) => list ?? []),
		error: (run.data.resultData.error as Error | undefined) ?? (taskData?.error as Error | undefined),
	};
}
