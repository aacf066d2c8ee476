import type { CallResult } from '../outcome';
import type { CallInput, Scope } from './client';
import type { Sleep } from './limiter';

export interface PollOptions {
	/** Between two asks. Default 2 s. */
	intervalMs?: number;
	/** Give up (and return the last, still pending, answer) after this long. Default 60 s. */
	maxWaitMs?: number;
	/** As for createClient: the runtime's own delay. */
	sleep: Sleep;
}

/**
 * Asks again while the vendor is still deciding (WhatsApp "checking", which is free), bounded in time,
 * so a caller can carry on with a final answer. Returns the last answer: final, or still pending at the deadline.
 */
export async function callUntilFinal(
	scope: Scope,
	operationId: string,
	input: CallInput,
	options: PollOptions,
): Promise<CallResult & { polls: number }> {
	const intervalMs = options.intervalMs ?? 2000;
	const deadline = Date.now() + (options.maxWaitMs ?? 60_000);
	const { sleep } = options;
	let polls = 1;
	let result = await scope.call(operationId, input);
	while (result.pending && Date.now() + intervalMs <= deadline) {
		await sleep(intervalMs);
		polls++;
		result = await scope.call(operationId, input);
	}
	return { ...result, polls };
}
