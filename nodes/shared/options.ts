import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** How a run talks to the vendor. Every node shows these under "Options". */
export interface RunOptions {
	concurrency: number;
	requestsPerSecond: number;
	attempts: number;
	timeoutMs: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
	// n8n's HTTP Request node sends every item at once (bench: up to 200 in flight) but spends ~15 ms of CPU per item
	// encoding it; at 250 ms latency 22 in flight keeps pace with it and within 1.2× of the ideal time.
	concurrency: 22,
	requestsPerSecond: 0,
	attempts: 3,
	timeoutMs: 30_000,
};

// Literal defaults (the linter reads them); they match DEFAULT_RUN_OPTIONS.
export const runOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 22,
		description: 'How many requests are in flight at once',
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The most requests started per second for each vendor, to stay under the rate your account allows. 0 means no limit.',
	},
	{
		displayName: 'Attempts',
		name: 'attempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 3,
		description:
			'How many times a request is sent when the vendor answers that it may work later (server errors, rate limits), with a growing pause between tries. Answers the vendor bills are never sent again.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeoutMs',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: 30000,
		description: 'How long to wait for one answer before trying again or failing',
	},
];

const positive = (value: unknown, fallback: number, min: number) => {
	const n = Number(value);
	return Number.isFinite(n) && n >= min ? n : fallback;
};

/** Options apply to the whole run (one client per run), so they are read from the first item. */
export function readRunOptions(context: IExecuteFunctions): RunOptions {
	const raw = context.getNodeParameter('options', 0, {}) as Partial<Record<keyof RunOptions, unknown>>;
	return {
		concurrency: Math.floor(positive(raw.concurrency, DEFAULT_RUN_OPTIONS.concurrency, 1)),
		requestsPerSecond: positive(raw.requestsPerSecond, DEFAULT_RUN_OPTIONS.requestsPerSecond, 0),
		attempts: Math.floor(positive(raw.attempts, DEFAULT_RUN_OPTIONS.attempts, 1)),
		timeoutMs: positive(raw.timeoutMs, DEFAULT_RUN_OPTIONS.timeoutMs, 1),
	};
}
