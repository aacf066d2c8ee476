import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { description, execute, WHATSAPP_BRANCHES } from './actions/check.operation';
import { resumeWebhook } from './actions/waitForCallback';
import { credentialTest } from '../shared/credentialProbe';

/** Whether a phone number has a WhatsApp account, asked of AI Solution. The type name stays `whatsAppCheck`. */
export class WhatsAppCheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Number Check (AI Solution)',
		name: 'whatsAppCheck',
		icon: { light: 'file:whatsAppCheck.svg', dark: 'file:whatsAppCheck.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["number"]}}',
		description: 'Checks whether a phone number has a WhatsApp account, through AI Solution (business flag, avatar, status date)',
		defaults: { name: 'WhatsApp Check' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: WHATSAPP_BRANCHES.map(() => NodeConnectionTypes.Main),
		outputNames: [...WHATSAPP_BRANCHES],
		credentials: [{ name: 'aiSolutionApi', required: true, testedBy: 'aiSolutionApiTest' }],
		// The resume URL of "Wait for the vendor's callback": only a paused execution of this node answers it.
		webhooks: [{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: '', restartWebhook: true }],
		waitingNodeTooltip: "Waiting for AI Solution's callback with the final answer",
		properties: description,
	};

	// The resume URL exists only while an execution waits; there is nothing to register anywhere.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWebhook(this);
	}
}
