import type { CallResult, Operation, Problem as CoreProblem } from '../../../../core';
import type { BudgetRefusal } from '../../security/budget';
import type {
	AuthFailed,
	BudgetExceeded,
	CallInfo,
	Failed,
	NotRecognized,
	PersonNotFound,
	QuotaExceeded,
	RejectedInput,
	VendorUnavailable,
} from '../../schema/types.generated';
import { callInfo } from './call';
import type { Typed } from './typed';

/** The core's outcome model as GraphQL problem types: rejectedInput and failed calls, budget refusals. */

export type Failure =
	| Typed<RejectedInput, 'RejectedInput'>
	| Typed<VendorUnavailable, 'VendorUnavailable'>
	| Typed<AuthFailed, 'AuthFailed'>
	| Typed<QuotaExceeded, 'QuotaExceeded'>
	| Typed<Failed, 'Failed'>;

export type Refused = Typed<BudgetExceeded, 'BudgetExceeded'>;

/** A call that ended in rejectedInput or failed, as the problem type a client can act on. */
export function failureOf(op: Operation, result: CallResult): Failure {
	const problem: CoreProblem = result.problem ?? {
		code: result.status ?? 'FAILED',
		message: result.message ?? `${op.title}: ${result.verdict}`,
		retryable: result.retryable,
		vendorStatus: result.status,
	};
	const common = {
		code: problem.code,
		message: problem.message,
		retryable: result.retryable,
		vendorStatus: result.status,
		call: callInfo(result),
	};
	if (result.outcome === 'rejectedInput') return rejectedInput(problem, common.call);
	const failure = (result.status && op.statuses[result.status]?.failure) || (problem.code === 'UNAUTHORIZED' ? 'auth' : undefined);
	if (failure === 'auth') return { __typename: 'AuthFailed', ...common };
	if (failure === 'quota') return { __typename: 'QuotaExceeded', ...common };
	if (result.retryable) return { __typename: 'VendorUnavailable', ...common };
	return { __typename: 'Failed', ...common };
}

/** Input the caller must fix, found by the core's local checks or by us before any call. */
export function rejectedInput(problem: CoreProblem, call: CallInfo | null): Typed<RejectedInput, 'RejectedInput'> {
	return {
		__typename: 'RejectedInput',
		code: problem.code,
		message: problem.message,
		retryable: false,
		vendorStatus: problem.vendorStatus,
		call,
		input: problem.input ?? null,
		limit: problem.limit ?? null,
		value: problem.value ?? null,
	};
}

export function notRecognized(op: Operation, result: CallResult): Typed<NotRecognized, 'NotRecognized'> {
	const what = op.document?.label ?? op.title;
	const detail = [result.status, result.message].filter(Boolean).join(': ');
	return {
		__typename: 'NotRecognized',
		code: 'NOT_RECOGNIZED',
		message: `The vendor could not read ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} in the image${detail ? ` (${detail})` : ''}`,
		retryable: false,
		vendorStatus: result.status,
		call: callInfo(result),
	};
}

export function personNotFound(result: CallResult, personId: string): Typed<PersonNotFound, 'PersonNotFound'> {
	return {
		__typename: 'PersonNotFound',
		code: result.status ?? 'PERSON_NOT_FOUND',
		message: `The face store has no person ${JSON.stringify(personId)}`,
		retryable: false,
		vendorStatus: result.status,
		call: callInfo(result),
		personId,
	};
}

export function budgetExceeded(refusal: BudgetRefusal): Refused {
	return {
		__typename: 'BudgetExceeded',
		code: 'BUDGET_EXCEEDED',
		message: `This API key's budget of ${refusal.limit} charged calls per day is spent; it starts again at ${refusal.resetsAt}. No vendor call was made.`,
		retryable: true,
		vendorStatus: null,
		call: null,
		budgetPerDay: refusal.limit,
		resetsAt: refusal.resetsAt,
	};
}
