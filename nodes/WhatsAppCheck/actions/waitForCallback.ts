import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { callbackKey, rawQueryOf, splitCallbackQuery, verifyCallback } from '../callback/token';
import { callbackItem, CHECKING, WHATSAPP_BRANCHES } from './fields';

/**
 * "Wait for the vendor's callback", built on n8n's waiting executions (as its Wait node's "On webhook call"):
 * - the node gives the vendor this execution's resume URL plus a token for the number, then pauses the execution
 *   until the token's expiry (the maximum wait);
 * - the vendor's GET on that URL reaches `resumeWebhook`, which checks the token and resumes the execution with the
 *   final answer on Registered or Not registered;
 * - when nothing valid came in time, n8n resumes the execution at the expiry and the node's outputs are the ones it
 *   left when it paused: the number on Checking.
 * n8n resumes an execution once, with one call, so the mode takes one item per execution.
 */

/** Why the mode cannot run here, or null. */
export function waitModeRefusal(context: IExecuteFunctions): NodeOperationError | null {
	const count = context.getInputData().length;
	if (count > 1) {
		return new NodeOperationError(
			context.getNode(),
			`"Wait for the vendor's callback" checks one number per execution, and this run has ${count} items: n8n resumes a paused execution once, with one call`,
			{
				description:
					'Use "Ask Again Until Final" for several numbers, or run the workflow once per number (e.g. one webhook or form submission each).',
			},
		);
	}
	if ((context as { isToolExecution?: () => boolean }).isToolExecution?.()) {
		return new NodeOperationError(
			context.getNode(),
			`"Wait for the vendor's callback" cannot pause an AI agent's tool call: use "Ask Again Until Final"`,
		);
	}
	// n8n 2.x hands every output of a resumed node on; n8n 1.x only its first, which would lose Not registered and Checking.
	if (typeof (context as { onExecutionFinish?: unknown }).onExecutionFinish !== 'function') {
		return new NodeOperationError(
			context.getNode(),
			`"Wait for the vendor's callback" needs n8n 2.x: this n8n would resume the node on its first output only`,
			{
				description: 'Use "Ask Again Until Final", or a WhatsApp Check Trigger with the Callback URL option.',
			},
		);
	}
	return null;
}

/**
 * Pauses the execution when the one number is still being checked. What the node returns now is what n8n hands on if
 * the execution resumes at the deadline without a callback, so it is also left on the execution's stack entry.
 */
export async function putToWaitForCallback(
	context: IExecuteFunctions,
	outputs: INodeExecutionData[][],
	deadline: number,
): Promise<INodeExecutionData[][]> {
	const waiting = outputs[CHECKING];
	if (waiting.length !== 1 || outputs.some((items, branch) => branch !== CHECKING && items.length > 0)) return outputs;
	const until = new Date(deadline * 1000);
	waiting[0].json = { ...waiting[0].json, waitingForCallbackUntil: until.toISOString() };
	// On resume n8n runs this node disabled, passing its stack entry's data on: every output, not only the first.
	context.setMetadata({ forwardAllOutputs: true });
	context.getExecuteData().data = { main: outputs };
	await context.putExecutionToWait(until);
	return outputs;
}

/** The vendor's GET on the resume URL: a valid callback resumes the execution with the final answer. */
export async function resumeWebhook(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = context.getRequestObject();
	const { token, vendor } = splitCallbackQuery(rawQueryOf(request));
	const credentials = await context.getCredentials('aiSolutionApi');
	const key = callbackKey(typeof credentials.token === 'string' ? credentials.token : '');
	const check = verifyCallback(key, 'wait', token, vendor.number ?? null, Math.floor(Date.now() / 1000));
	const response = context.getResponseObject();
	if (!check.valid) {
		// The execution keeps waiting: a late callback leaves the number on Checking at the deadline.
		response.status(403).json({ error: `Callback refused: ${check.reason} token` });
		return { noWebhookResponse: true };
	}
	const { json, branch } = callbackItem(vendor);
	if (branch === null) return { webhookResponse: { message: 'Not a final answer: still waiting' } };
	const { raw, ...fields } = json;
	const options = context.getNodeParameter('options', {}) as { includeRawAnswer?: boolean };
	const item = { ...fields, ...(options.includeRawAnswer === false ? {} : { raw }), final: true };
	const outputs: INodeExecutionData[][] = WHATSAPP_BRANCHES.map(() => []);
	outputs[branch].push({ json: item as IDataObject, pairedItem: { item: 0 } });
	return { workflowData: outputs };
}
