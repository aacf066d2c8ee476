import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { getOperation } from '../../core/catalog';

const op = getOperation('whatsappCheck');

/**
 * Starts a workflow with the result the vendor sends to a WhatsApp check's callback URL
 * (GET ?number=…&whatsapp=yes&status_update=…&signature=…&business_user=…&avatar=…).
 * Put this node's production URL in the WhatsApp Check node's "Callback URL" option.
 */
export class WhatsAppCheckTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Check Trigger',
		name: 'whatsAppCheckTrigger',
		icon: { light: 'file:whatsAppCheckTrigger.svg', dark: 'file:whatsAppCheckTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On the vendor\'s callback',
		description: 'Starts the workflow when the vendor sends the final result of a WhatsApp check',
		defaults: { name: 'WhatsApp Check Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [],
		webhooks: [{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'whatsapp' }],
		properties: [
			{
				displayName:
					"Put this node's production URL in the WhatsApp Check node's Callback URL option. The vendor calls it once per number when the result is known.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	// The callback URL travels with each check request; there is nothing to register at the vendor.
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

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const query = this.getQueryData() as IDataObject;
		return { workflowData: [this.helpers.returnJsonArray([callbackResult(query)])] };
	}
}

/** The callback in the same words as the WhatsApp Check node's items. */
export function callbackResult(query: IDataObject): IDataObject {
	const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : Array.isArray(query[key]) ? String((query[key] as unknown[])[0]) : null);
	const whatsapp = text('whatsapp');
	const rule = whatsapp ? op.verdicts?.values[whatsapp] : undefined;
	const flag = (key: string) => (text(key) === null ? null : text(key) === 'yes');
	return {
		number: text('number'),
		verdict: rule?.label ?? 'Unknown answer',
		outcome: rule?.outcome ?? 'failed',
		registered: whatsapp === 'yes' ? true : whatsapp === 'no' ? false : null,
		final: whatsapp === 'yes' || whatsapp === 'no',
		whatsapp,
		statusUpdate: text('status_update'),
		signature: text('signature'),
		businessUser: flag('business_user'),
		avatar: flag('avatar'),
		charged: rule?.charged ?? false,
		raw: query,
	};
}
