import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { callUntilFinal } from '../../../core';
import { getOperation } from '../../../core/catalog';
import type { CallResult } from '../../../core/outcome';
import { runScope } from '../../shared/client';
import { readRunOptions, runOptionFields } from '../../shared/options';
import { callFields, problemFields } from '../../shared/result';
import { callError, runItems, type Routed } from '../../shared/routing';

const op = getOperation('whatsappCheck');
const verdictLabel = (value: string) => op.verdicts?.values[value]?.label ?? value;

/** The node's outputs, in order, named with the catalog's verdict labels. */
export const WHATSAPP_BRANCHES = [verdictLabel('yes'), verdictLabel('no'), verdictLabel('checking'), 'Failed'];
const [REGISTERED, NOT_REGISTERED, CHECKING, FAILED] = [0, 1, 2, 3];

const spec = (name: string) => op.inputs.find((input) => input.name === name)?.description ?? '';

export const description: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+6281387300008',
		description: 'The number to check, best with its country code',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'ID',
		description: `Two-letter country of the number, when it has no country code (${spec('country')})`,
	},
	{
		displayName: 'Wait for Final Answer',
		name: 'waitForFinal',
		type: 'options',
		options: [
			{ name: 'No: Answer Now', value: 'none', description: 'A number the vendor is still checking goes to the Checking output' },
			{
				name: 'Ask Again Until Final',
				value: 'poll',
				description: 'Ask again (free while the vendor is checking) until the answer is final or the maximum wait has passed',
			},
		],
		default: 'none',
	},
	{
		displayName: 'Ask Every (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		displayOptions: { show: { waitForFinal: ['poll'] } },
	},
	{
		displayName: 'Maximum Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'After this long a number still being checked goes to the Checking output',
		displayOptions: { show: { waitForFinal: ['poll'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			...runOptionFields,
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://your-n8n/webhook/…/whatsapp',
				description:
					"The vendor sends the final result there with GET once it is known, e.g. the production URL of a WhatsApp Check Trigger node, whose workflow then carries on with it",
			},
			{
				displayName: 'Report Service Outage',
				name: 'reportUnavailable',
				type: 'boolean',
				default: false,
				description: `Whether to ask the vendor to say "unavailable" instead of a server error when its service is down (${spec('servstatus')})`,
			},
		],
	},
];

/** Checks every item's number and routes it: Registered, Not registered, Checking, or Failed. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const runOptions = readRunOptions(this);
	const scope = await runScope(this, ['aisolution'], runOptions);
	return await runItems(this, {
		branches: WHATSAPP_BRANCHES.length,
		failedBranch: FAILED,
		concurrency: runOptions.concurrency,
		route: async (itemIndex): Promise<Routed> => {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const input = {
				number: String(this.getNodeParameter('number', itemIndex) ?? '').trim(),
				country: String(this.getNodeParameter('country', itemIndex, '') ?? '').trim() || undefined,
				callback: typeof options.callbackUrl === 'string' && options.callbackUrl.trim() ? options.callbackUrl.trim() : undefined,
				servstatus: options.reportUnavailable ? 'y' : undefined,
			};
			const mode = this.getNodeParameter('waitForFinal', itemIndex, 'none') as string;
			let result: CallResult & { polls?: number };
			if (mode === 'poll') {
				const intervalMs = Number(this.getNodeParameter('pollIntervalSeconds', itemIndex, 5)) * 1000;
				const maxWaitMs = Number(this.getNodeParameter('maxWaitSeconds', itemIndex, 60)) * 1000;
				result = await callUntilFinal(scope, op.id, input, { intervalMs, maxWaitMs, sleep });
			} else {
				result = await scope.call(op.id, input);
			}
			const json = { ...whatsappFields(result, input.number), ...problemFields(result.problem, itemIndex) };
			if (result.outcome === 'success' && !result.pending) return { branch: REGISTERED, json };
			if (result.pending) return { branch: CHECKING, json };
			if (result.outcome === 'negative') return { branch: NOT_REGISTERED, json };
			return { failure: callError(this, result, itemIndex, op.title), json };
		},
	});
}

function whatsappFields(result: CallResult & { polls?: number }, asked: string): IDataObject {
	const message = (result.data && typeof result.data === 'object' ? result.data : {}) as IDataObject;
	const whatsapp = typeof message.whatsapp === 'string' ? message.whatsapp : null;
	return {
		number: (message.number as string | undefined) ?? asked,
		...callFields(result),
		registered: whatsapp === 'yes' ? true : whatsapp === 'no' ? false : null,
		final: !result.pending && (whatsapp === 'yes' || whatsapp === 'no'),
		whatsapp,
		statusUpdate: message.status_update ?? null,
		signature: message.signature ?? null,
		businessUser: message.business_user === undefined ? null : message.business_user === 'yes',
		avatar: message.avatar === undefined ? null : message.avatar === 'yes',
		...(result.polls !== undefined ? { polls: result.polls } : {}),
		raw: (result.data ?? null) as IDataObject,
	};
}
