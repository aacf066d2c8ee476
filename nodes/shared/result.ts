import type { IDataObject } from 'n8n-workflow';
import type { CallResult, Problem } from '../../core/outcome';

/** What every output item says about its call, in the same words on every node. */
export function callFields(result: CallResult): IDataObject {
	return {
		verdict: result.verdict,
		outcome: result.outcome,
		status: result.status,
		charged: result.charged,
		reused: result.reused,
		requestId: result.requestId,
		operation: result.operationId,
		vendor: result.vendor,
	};
}

/**
 * Why an item did not get a usable answer: the core's problem, or for a negative answer (Not recognized, No match)
 * the vendor's status and message, so every branch but the happy one says why.
 */
export function problemOf(result: CallResult): Problem | null {
	if (result.problem) return result.problem;
	if (result.outcome !== 'negative' || result.status === null) return null;
	return { code: result.status, message: result.message ?? result.verdict, retryable: false, vendorStatus: result.status };
}

/** A problem as an item shows it, with the item and the image's source named. */
export function problemFields(problem: Problem | null, itemIndex: number, sources: Record<string, string> = {}): IDataObject {
	if (!problem) return {};
	const source = problem.input ? sources[problem.input] : undefined;
	const where = source
		? `item ${itemIndex}, ${source.startsWith('binary:') ? `binary property "${source.slice(7)}"` : source}`
		: `item ${itemIndex}`;
	const message = problem.message.includes(`Item ${itemIndex}`) ? problem.message : `${problem.message} (${where})`;
	return {
		problem: {
			code: problem.code,
			message,
			retryable: problem.retryable,
			vendorStatus: problem.vendorStatus,
			...(problem.input ? { input: problem.input } : {}),
			...(problem.limit ? { limit: problem.limit } : {}),
			...(problem.value ? { value: problem.value } : {}),
		},
	};
}

/** Picks fields (dot paths for nested ones, e.g. card_info.id_number) from a vendor payload. */
export function pickFields(raw: unknown, keys: readonly string[]): unknown {
	if (!keys.length || !raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
	const picked: IDataObject = {};
	for (const key of keys) {
		const path = key.split('.');
		let value: unknown = raw;
		for (const part of path) value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
		if (value === undefined) continue;
		let target = picked;
		for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as IDataObject;
		target[path[path.length - 1]] = value as IDataObject[string];
	}
	return picked;
}
