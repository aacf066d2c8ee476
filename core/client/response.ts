import type { Operation, Outcome, StatusRule } from '../catalog/types';
import type { CallResult, Problem } from '../outcome';
import type { TransportResponse } from './transport';

/** The part of a CallResult that one vendor answer decides. */
export type Answer = Pick<
	CallResult,
	'outcome' | 'verdict' | 'status' | 'pending' | 'charged' | 'retryable' | 'message' | 'httpStatus' | 'requestId' | 'data' | 'problem'
> & { retryAfterMs?: number };

const DEFAULT_LABELS: Record<Outcome, string> = {
	success: 'Success',
	negative: 'Negative',
	rejectedInput: 'Rejected input',
	failed: 'Failed',
};

export function labelFor(op: Operation, outcome: Outcome): string {
	return op.labels?.[outcome] ?? DEFAULT_LABELS[outcome];
}

/** A failed answer with our own code (no vendor status, or one we could not use). */
export function failure(op: Operation, code: string, message: string, retryable: boolean, httpStatus: number | null, vendorStatus: string | null = null): Answer {
	return {
		outcome: 'failed',
		verdict: labelFor(op, 'failed'),
		status: vendorStatus,
		pending: false,
		charged: false,
		retryable,
		message,
		httpStatus,
		requestId: null,
		data: null,
		problem: { code, message, retryable, vendorStatus },
	};
}

/** HTTP statuses that say the trouble is passing, whatever the body. */
const TRANSIENT_HTTP = (status: number) => status >= 500 || status === 429 || status === 408;

export function interpret(op: Operation, response: TransportResponse): Answer {
	const http = response.status;
	const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
	const body = response.body ?? '';
	let parsed: unknown;
	try {
		parsed = body.length > 0 ? JSON.parse(body) : undefined;
	} catch {
		parsed = undefined;
	}
	const status = parsed && typeof parsed === 'object' ? (parsed as { status?: unknown }).status : undefined;
	if (typeof status !== 'string') {
		const what = body.length === 0 ? 'an empty answer' : parsed === undefined ? `an answer that is not JSON (${body.length} bytes)` : 'JSON without a status';
		if (http === 401 || http === 403) {
			return failure(op, 'UNAUTHORIZED', `The vendor refused the credentials (HTTP ${http}): check the ${op.vendor === 'accuauth' ? 'API ID and secret' : 'token'}`, false, http);
		}
		// A 2xx answer we cannot read may still have been billed: never send it again.
		const retryable = TRANSIENT_HTTP(http);
		return { ...failure(op, 'INVALID_RESPONSE', `The vendor sent ${what} with HTTP ${http}`, retryable, http), retryAfterMs };
	}

	const envelope = parsed as { message?: unknown; reason?: unknown; request_id?: unknown; results?: unknown };
	const isAccuAuth = op.vendor === 'accuauth';
	const payload = isAccuAuth ? envelope.results : envelope.message;
	const text = isAccuAuth ? envelope.reason : envelope.message;
	const message = typeof text === 'string' ? text : null;
	const requestId = typeof envelope.request_id === 'string' ? envelope.request_id : null;

	let rule: StatusRule | undefined = (message !== null && op.messageOverrides?.[status]?.[message]) || op.statuses[status];
	let verdict: string | undefined;
	if (!rule) {
		if (http === 401 || http === 403) {
			return failure(op, status, `The vendor refused the credentials (HTTP ${http}, ${status}): check the ${isAccuAuth ? 'API ID and secret' : 'token'}`, false, http, status);
		}
		return {
			...failure(op, status, `Undocumented vendor status ${status}${message ? `: ${message}` : ''} (HTTP ${http})`, TRANSIENT_HTTP(http), http, status),
			requestId,
			retryAfterMs,
		};
	}
	if (status === 'OK' && op.verdicts) {
		const value = op.verdicts.of(payload);
		const verdictRule = op.verdicts.values[value];
		if (!verdictRule) {
			// Billed (status OK) but unreadable: report, never retry.
			return { ...failure(op, 'UNDOCUMENTED_VERDICT', `The vendor answered OK with an undocumented verdict "${value}"`, false, http, status), charged: rule.charged, requestId };
		}
		rule = verdictRule;
		verdict = verdictRule.label;
	}
	const data = status === 'OK' ? (isAccuAuth && Array.isArray(payload) ? (payload[0] ?? null) : (payload ?? null)) : null;
	const problem: Problem | null =
		rule.outcome === 'rejectedInput' || rule.outcome === 'failed'
			? { code: status, message: describeStatus(status, rule, message), retryable: rule.retryable, vendorStatus: status }
			: null;
	return {
		outcome: rule.outcome,
		verdict: verdict ?? labelFor(op, rule.outcome),
		status,
		pending: rule.pending === true,
		charged: rule.charged,
		retryable: rule.retryable && !rule.charged,
		message,
		httpStatus: http,
		requestId,
		data,
		problem,
		retryAfterMs,
	};
}

function describeStatus(status: string, rule: StatusRule, message: string | null): string {
	const detail = message && message !== rule.description ? `: ${message}` : '';
	return `${status} (${rule.description})${detail}`;
}

function parseRetryAfter(value: string | undefined): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
