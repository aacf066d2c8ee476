import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { callbackItem } from '../WhatsAppCheck/actions/fields';
import { firstCallback } from '../WhatsAppCheck/callback/seen';
import { callbackKey, rawQueryOf, splitCallbackQuery, verifyCallback } from '../WhatsAppCheck/callback/token';
import { credentialTest } from '../shared/credentialProbe';

/**
 * Starts a workflow with the result the vendor sends to a WhatsApp check's callback URL
 * (GET ?…&idv_token=…&number=…&whatsapp=yes&status_update=…&signature=…&business_user=…&avatar=…).
 * Only callbacks signed by a WhatsApp Check node with the same credential start it, each check once.
 */
export class WhatsAppCheckTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Number Check (AI Solution) Trigger',
		name: 'whatsAppCheckTrigger',
		icon: { light: 'file:whatsAppCheckTrigger.svg', dark: 'file:whatsAppCheckTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: "On AI Solution's callback",
		description: 'Starts the workflow when AI Solution sends the final answer of a WhatsApp number check',
		defaults: { name: 'WhatsApp Check Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The same credential as the WhatsApp Check node: its token is the key callbacks are signed with.
		credentials: [{ name: 'aiSolutionApi', required: true, testedBy: 'aiSolutionApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'whatsapp' }],
		properties: [
			{
				displayName:
					"Put this node's production URL in the WhatsApp Check node's Callback URL option, with the same AI Solution credential on both. Callbacks without a valid token (forged, altered or expired) get 403; a repeated one starts nothing.",
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

	methods = { credentialTest };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const { token, vendor } = splitCallbackQuery(rawQueryOf(request));
		const credentials = await this.getCredentials('aiSolutionApi');
		const key = callbackKey(typeof credentials.token === 'string' ? credentials.token : '');
		const now = Math.floor(Date.now() / 1000);
		const check = verifyCallback(key, 'trigger', token, vendor.number ?? null, now);
		if (!check.valid) {
			this.getResponseObject()
				.status(403)
				.json({ error: `Callback refused: ${check.reason} token` });
			return { noWebhookResponse: true };
		}
		const item = callbackItem(vendor);
		// Not final yet (checking, unavailable): start the workflow, but keep the token open for the final callback.
		if (item.branch !== null && !firstCallback(this.getWorkflowStaticData('node'), check.id, check.expiresAt, now)) {
			return { webhookResponse: { message: 'Callback already received' } };
		}
		return { workflowData: [this.helpers.returnJsonArray([item.json])] };
	}
}
