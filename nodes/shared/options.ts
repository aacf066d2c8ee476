import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_RATE_LIMIT_WAIT_MS, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from '../../core';

/** How a run talks to the vendor. Every node shows these under "Options". */
export interface RunOptions {
	concurrency: number;
	/** A cap; 0 lets the core learn each vendor's own limit from its rate-limit answers. */
	requestsPerSecond: number;
	attempts: number;
	timeoutMs: number;
	rateLimitWaitMs: number;
	resendLostAnswers: boolean;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
	// n8n's HTTP Request node sends every item at once (bench: up to 200 in flight) but spends ~15 ms of CPU per item
	// encoding it; at 250 ms latency 22 in flight keeps pace with it and within 1.2× of the ideal time.
	concurrency: 22,
	requestsPerSecond: 0,
	attempts: DEFAULT_RETRY.attempts,
	timeoutMs: DEFAULT_TIMEOUT_MS,
	rateLimitWaitMs: DEFAULT_RATE_LIMIT_WAIT_MS,
	resendLostAnswers: false,
};

// The defaults come from the core's constants, never typed again here; the linter cannot read them.
/* eslint-disable n8n-nodes-base/node-param-default-missing */
export const runOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: DEFAULT_RUN_OPTIONS.concurrency,
		description: 'How many requests are in flight at once',
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: DEFAULT_RUN_OPTIONS.requestsPerSecond,
		description:
			"A cap on the requests started per second for each vendor. 0 or empty: no cap, the node learns the vendor's own limit from its answers and slows down by itself.",
	},
	{
		displayName: 'Attempts',
		name: 'attempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: DEFAULT_RUN_OPTIONS.attempts,
		description:
			'How many times a request is sent when the vendor answers that it did not process it (server errors), with a growing pause between tries. Answers the vendor bills are never sent again.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeoutMs',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: DEFAULT_RUN_OPTIONS.timeoutMs,
		description: 'How long to wait for one answer. A request that got no answer in time is not sent again: the vendor may have billed it.',
	},
	{
		displayName: 'Rate-Limit Wait (S)',
		name: 'rateLimitWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_RUN_OPTIONS.rateLimitWaitMs / 1000,
		description: 'How long one item keeps waiting while the vendor asks to slow down (those answers are free) before it fails',
	},
	{
		displayName: 'Resend When the Answer Is Lost (May Be Charged Twice)',
		name: 'resendLostAnswers',
		type: 'boolean',
		default: DEFAULT_RUN_OPTIONS.resendLostAnswers,
		description:
			'Whether to send a request again when its answer was lost after sending (a reset, a timeout, a cut answer). The vendor may already have processed and billed it, so this can pay twice or add a face twice.',
	},
];
/* eslint-enable n8n-nodes-base/node-param-default-missing */

/** What each node may leave out of its output items (each default keeps everything, as before). */
export const privacyOptionFields = {
	keepImage: {
		displayName: 'Keep the Image in the Output',
		name: 'includeInputBinary',
		type: 'boolean',
		default: true,
		description:
			'Whether to pass the input image on with the result. Off: the image is dropped after the call, so n8n does not store it with the execution.',
	},
	includeRaw: {
		displayName: "Include the Vendor's Raw Answer",
		name: 'includeRawAnswer',
		type: 'boolean',
		default: true,
		description: "Whether items carry the vendor's own answer in raw, beside the canonical fields",
	},
	personalNumbers: {
		displayName: 'Personal Numbers in the Output',
		name: 'personalNumbers',
		type: 'options',
		options: [
			{ name: 'Full', value: 'full', description: 'Document and personal numbers as read' },
			{ name: 'Masked to the Last Four Characters', value: 'masked', description: 'Checks still run on the full number first' },
		],
		default: 'full',
		description: 'How document and personal numbers appear in the output',
	},
} satisfies Record<string, INodeProperties>;

/**
 * The one Options collection of every node: the run options, then the node's own. Declared here so a new
 * run option reaches every node at once.
 */
export function optionsCollection(own: INodeProperties[] = [], displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options: [...runOptionFields, ...own],
	};
}

const positive = (value: unknown, fallback: number, min: number) => {
	if (value === '' || value === null || value === undefined) return fallback;
	const n = Number(value);
	return Number.isFinite(n) && n >= min ? n : fallback;
};

type RawOptions = Partial<Record<keyof RunOptions | 'rateLimitWaitSeconds', unknown>>;

/** Options apply to the whole run (one client per run), so they are read from the first item. */
export function readRunOptions(context: IExecuteFunctions): RunOptions {
	const raw = context.getNodeParameter('options', 0, {}) as RawOptions;
	const defaults = DEFAULT_RUN_OPTIONS;
	return {
		concurrency: Math.floor(positive(raw.concurrency, defaults.concurrency, 1)),
		requestsPerSecond: positive(raw.requestsPerSecond, defaults.requestsPerSecond, 0),
		attempts: Math.floor(positive(raw.attempts, defaults.attempts, 1)),
		timeoutMs: positive(raw.timeoutMs, defaults.timeoutMs, 1),
		rateLimitWaitMs: positive(raw.rateLimitWaitSeconds, defaults.rateLimitWaitMs / 1000, 0) * 1000,
		resendLostAnswers: raw.resendLostAnswers === true,
	};
}

export interface PrivacyOptions {
	keepImage: boolean;
	includeRaw: boolean;
	maskPersonalNumbers: boolean;
}

export function readPrivacyOptions(context: IExecuteFunctions): PrivacyOptions {
	const raw = context.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	return {
		keepImage: raw.includeInputBinary !== false,
		includeRaw: raw.includeRawAnswer !== false,
		maskPersonalNumbers: raw.personalNumbers === 'masked',
	};
}

/** Version 2 has no Failed output: this says where failed items go instead. */
export const failuresNotice: INodeProperties = {
	displayName:
		'Failed items follow the node\'s On Error setting: Stop ends the run; "Continue (using error output)" sends them to the Error output; "Continue (regular output)" puts them on the first output with an error field, as n8n\'s own nodes do',
	name: 'failuresNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { '@version': [2] } },
};
