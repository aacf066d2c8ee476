import type { ICredentialDataDecryptedObject, IConnections, INode, INodeExecutionData, IRun } from 'n8n-workflow';
import { execute } from '../../../bench/support/n8n/execute';
import { INPUT_NODE_TYPE, itemsParameter, type InputItem } from './inputNode';
import type { LoadedPackage } from './nodeTypes';

export interface NodeUnderTest {
	type: string;
	parameters: INode['parameters'];
	name?: string;
	onError?: INode['onError'];
	credentials?: string[];
	/** The node's version; 1 (what saved workflows use) unless given. */
	typeVersion?: number;
}

export interface RunResult {
	run: IRun;
	/** Items on each output of the node under test (the Error output last, when it has one). */
	outputs: INodeExecutionData[][];
	/** The error that stopped the run, if any. */
	error: (Error & { description?: string; context?: Record<string, unknown> }) | undefined;
}

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
			typeVersion: node.typeVersion ?? 1,
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
