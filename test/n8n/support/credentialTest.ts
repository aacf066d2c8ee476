import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';
import type { LoadedPackage } from './nodeTypes';
import { additionalDataFor, newExecutionId } from '../../../bench/support/n8n/execute';

/**
 * The "Test" button of a credential, as n8n's CredentialsTester runs it: the credential's `test.request`
 * goes through n8n-core's RoutingNode with the credential's own authentication, then its rules judge the answer.
 */
export async function testCredential(
	pkg: LoadedPackage,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentialType = pkg.credentialTypes[type];
	const test = credentialType.test!;
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: 'c', name: type } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const executionId = newExecutionId();
	const additionalData = additionalDataFor(
		{ ...pkg, nodeTypes },
		{ [type]: data },
		executionId,
		new ExecutionLifecycleHooks('internal', executionId, { nodes: [node], connections: {} } as never),
	);
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	let response;
	try {
		response = await new RoutingNode(context, nodeType, { id: 'c', name: type, type, data }).runNode();
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const body = (response?.[0]?.[0]?.json ?? {}) as IDataObject;
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
