import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { callUntilFinal } from '../../../core';
import { getOperation } from '../../../core/catalog';
import type { CallResult } from '../../../core/outcome';
import { normalizePhoneNumber, phoneCountryOptions } from '../../../core/phone';
import type { Scope } from '../../../core/client';
import { runScope } from '../../shared/client';
import { optionsCollection, privacyOptionFields, readPrivacyOptions, readRunOptions } from '../../shared/options';
import { problemFields } from '../../shared/result';
import { callError, runItems, type Routed } from '../../shared/routing';
import { callbackKey, signCallback, withToken, type CallbackUse } from '../callback/token';
import { answerFields, branchOf, FAILED, WHATSAPP_BRANCHES } from './fields';
import { putToWaitForCallback, waitModeRefusal } from './waitForCallback';

export { WHATSAPP_BRANCHES };

const op = getOperation('whatsappCheck');
const spec = (name: string) => op.inputs.find((input) => input.name === name)?.description ?? '';

export const description: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+62 812 3456 7890',
		description: 'The number to check, as people write it: spaces, dots, dashes and brackets are fine, and 00 works as +',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'options',
		options: phoneCountryOptions(),
		default: '',
		description:
			'The country of numbers written without their country code (e.g. 0812 3456 7890). As an expression, a two-letter code (ID) or an English name (Indonesia).',
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
			{
				name: "Wait for the Vendor's Callback",
				value: 'callback',
				description:
					'Pause the execution until the vendor calls back with the final answer (one number per execution; n8n 2.x). A final answer goes on at once.',
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
		displayName: 'Maximum Wait (Seconds)',
		name: 'callbackMaxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3600,
		description:
			'How long the execution waits for the callback. After it the number goes to the Checking output, and a later callback is refused.',
		displayOptions: { show: { waitForFinal: ['callback'] } },
	},
	{
		displayName:
			"The execution pauses while the vendor is checking, and this node's own resume URL, signed for this number, is given to the vendor as callback. Input with several items is refused: use Ask Again Until Final for batches.",
		name: 'callbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { waitForFinal: ['callback'] } },
	},
	optionsCollection([
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://your-n8n/webhook/…/whatsapp',
			description:
				"The vendor sends the final result there with GET once it is known, e.g. the production URL of a WhatsApp Check Trigger node (same credential), whose workflow then carries on with it. A signed token is added to it. Not used while waiting for the vendor's callback.",
		},
		{
			displayName: 'Callback Valid For (Minutes)',
			name: 'callbackValidMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1440,
			description: 'How long the WhatsApp Check Trigger accepts the callback of a check. Later callbacks are refused.',
		},
		{
			displayName: 'Report Service Outage',
			name: 'reportUnavailable',
			type: 'boolean',
			default: false,
			description: `Whether to ask the vendor to say "unavailable" instead of a server error when its service is down (${spec('servstatus')})`,
		},
		privacyOptionFields.includeRaw,
	]),
];

/** Gives each item's callback URL, or none. */
type CallbackFor = (itemIndex: number, e164: string) => string | undefined;

/** Checks every item's number and routes it: Registered, Not registered, Checking, or Failed. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('waitForFinal', 0, 'none') as string;
	const runOptions = readRunOptions(this);
	const plan = { branches: WHATSAPP_BRANCHES.length, failedBranch: FAILED, concurrency: runOptions.concurrency };
	if (mode === 'callback') {
		const refusal = waitModeRefusal(this);
		if (refusal)
			return await runItems(this, {
				...plan,
				route: async () => ({ failure: refusal, json: { verdict: 'Failed', outcome: 'failed', charged: false } }),
			});
	}
	const scope = await runScope(this, ['aisolution'], runOptions);
	const key = await signingKey(this);
	const { includeRaw } = readPrivacyOptions(this);
	const nowSeconds = Math.floor(Date.now() / 1000);

	if (mode === 'callback') {
		const deadline = nowSeconds + Math.max(1, Number(this.getNodeParameter('callbackMaxWaitSeconds', 0, 3600)));
		const resumeUrl = String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0));
		const callbackFor: CallbackFor = (_itemIndex, e164) => signedUrl(resumeUrl, key, 'wait', e164, deadline);
		const outputs = await runItems(this, {
			...plan,
			route: async (itemIndex) => await checkItem(this, scope, itemIndex, 'none', callbackFor, includeRaw),
		});
		return await putToWaitForCallback(this, outputs, deadline);
	}

	const callbackFor: CallbackFor = (itemIndex, e164) => {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const url = typeof options.callbackUrl === 'string' ? options.callbackUrl.trim() : '';
		if (!url) return undefined;
		const validMinutes = Math.max(1, Number(options.callbackValidMinutes ?? 1440) || 1440);
		return signedUrl(url, key, 'trigger', e164, nowSeconds + validMinutes * 60);
	};
	return await runItems(this, {
		...plan,
		route: async (itemIndex) => await checkItem(this, scope, itemIndex, mode, callbackFor, includeRaw),
	});
}

async function checkItem(
	context: IExecuteFunctions,
	scope: Scope,
	itemIndex: number,
	mode: string,
	callbackFor: CallbackFor,
	includeRaw: boolean,
): Promise<Routed> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const number = String(context.getNodeParameter('number', itemIndex) ?? '').trim();
	const country = String(context.getNodeParameter('country', itemIndex, '') ?? '').trim() || undefined;
	// The token signs the number as the vendor will echo it; a number that cannot be read is refused before any call.
	const phone = normalizePhoneNumber(number, country ?? null);
	const input = {
		number,
		country,
		callback: phone.ok ? callbackFor(itemIndex, phone.e164) : undefined,
		servstatus: options.reportUnavailable ? 'y' : undefined,
	};
	let result: CallResult & { polls?: number };
	if (mode === 'poll') {
		const intervalMs = Number(context.getNodeParameter('pollIntervalSeconds', itemIndex, 5)) * 1000;
		const maxWaitMs = Number(context.getNodeParameter('maxWaitSeconds', itemIndex, 60)) * 1000;
		result = await callUntilFinal(scope, op.id, input, { intervalMs, maxWaitMs, sleep });
	} else {
		result = await scope.call(op.id, input);
	}
	const { raw, ...fields } = answerFields(result, number);
	const json = { ...fields, ...(includeRaw ? { raw } : {}), ...problemFields(result.problem, itemIndex) };
	const branch = branchOf(result);
	if (branch !== null) return { branch, json };
	return { failure: callError(context, result, itemIndex, op.title), json };
}

function signedUrl(url: string, key: Buffer | null, use: CallbackUse, e164: string, expiresAt: number): string {
	// Without a token the credential cannot call the vendor either: the call fails and says why.
	if (!key) return url;
	try {
		return withToken(url, signCallback(key, use, e164, expiresAt));
	} catch {
		// Not a URL: the vendor refuses it, and the item says so.
		return url;
	}
}

async function signingKey(context: IExecuteFunctions): Promise<Buffer | null> {
	const credentials = await context.getCredentials('aiSolutionApi');
	return typeof credentials.token === 'string' && credentials.token ? callbackKey(credentials.token) : null;
}
