import { ExecutionLifecycleHooks, WebhookContext } from 'n8n-core';
import { Workflow, type INode, type INodeType, type IRun, type IWebhookData } from 'n8n-workflow';
import type { LoadedPackage } from './nodeTypes';
import { additionalDataFor, execute, newExecutionId } from '../../../bench/support/n8n/execute';

/**
 * What n8n does when a request reaches a trigger's webhook: it calls the node's webhook() with the
 * request, then starts the workflow with the items webhook() returned as the trigger's output.
 */
export async function deliverToTrigger(pkg: LoadedPackage, nodeType: string, request: { query: Record<string, unknown> }): Promise<IRun> {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		webhookId: 'test-webhook',
	};
	const type = pkg.nodeTypes.getByNameAndVersion(nodeType, 1) as INodeType;
	const workflow = new Workflow({ id: 'idverify-test', nodes: [node], connections: {}, nodeTypes: pkg.nodeTypes, active: true });
	const executionId = newExecutionId();
	const hooks = new ExecutionLifecycleHooks('webhook', executionId, {
		id: 'idverify-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: true,
		settings: {},
	} as never);
	const additionalData = {
		...additionalDataFor(pkg, {}, executionId, hooks),
		httpRequest: { query: request.query, headers: {}, params: {}, body: {}, method: 'GET' },
	};
	const description = type.description.webhooks![0];
	const webhookData: IWebhookData = {
		httpMethod: description.httpMethod as 'GET',
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: 'idverify-test',
		workflowExecuteAdditionalData: additionalData as never,
	};
	const context = new WebhookContext(workflow, node, additionalData as never, 'webhook', webhookData, [], null);
	const response = await type.webhook!.call(context);
	return await execute(pkg, {}, [node], {}, response.workflowData ?? [[]], 'webhook');
}
