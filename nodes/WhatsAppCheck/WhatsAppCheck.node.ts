import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { description, execute, WHATSAPP_BRANCHES } from './actions/check.operation';

/** Whether a phone number has WhatsApp. */
export class WhatsAppCheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Check',
		name: 'whatsAppCheck',
		icon: { light: 'file:whatsAppCheck.svg', dark: 'file:whatsAppCheck.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["number"]}}',
		description: 'Check whether a phone number has WhatsApp, with business flag, avatar and status date',
		defaults: { name: 'WhatsApp Check' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: WHATSAPP_BRANCHES.map(() => NodeConnectionTypes.Main),
		outputNames: [...WHATSAPP_BRANCHES],
		credentials: [{ name: 'aiSolutionApi', required: true }],
		properties: description,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
