import { VENDORS, mayCharge, ownEntry } from '../catalog';
import { AI_SOLUTION_INVALID_REQUEST } from '../catalog/shared';
import type { Operation, Outcome, StatusRule } from '../catalog/types';
import type { CallResult, Charged, Problem } from '../outcome';
import type { TransportResponse } from './transport';

/** The part of a CallResult that one vendor answer decides. */
export type Answer = Pick<
	CallResult,
	'outcome' | 'verdict' | 'status' | 'pending' | 'charged' | 'retryable' | 'message' | 'httpStatus' | 'requestId' | 'data' | 'problem'
> & {
	retryAfterMs?: number;
	/** The vendor asked to slow down (or, `ambiguous`, it may have): the call waits instead of failing. */
	rateLimited?: true | 'ambiguous';
	/** The vendor may have processed the request, but we have no answer we can use. */
	lost?: boolean;
};

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
export function failure(
	op: Operation,
	code: string,
	message: string,
	retryable: boolean,
	httpStatus: number | null,
	vendorStatus: string | null = null,
	charged: Charged = false,
): Answer {
	return {
		outcome: 'failed',
		verdict: labelFor(op, 'failed'),
		status: vendorStatus,
		pending: false,
		charged,
		retryable,
		message,
		httpStatus,
		requestId: null,
		data: null,
		problem: { code, message, retryable, vendorStatus },
	};
}

/** A call our own checks refused: nothing was sent, nothing charged. Both surfaces build their "Rejected input" from it. */
export function rejectedInput(op: Operation, problem: Problem): CallResult {
	return {
		operationId: op.id,
		vendor: op.vendor,
		outcome: 'rejectedInput',
		verdict: labelFor(op, 'rejectedInput'),
		status: null,
		pending: false,
		charged: false,
		retryable: false,
		message: problem.message,
		httpStatus: null,
		requestId: null,
		data: null,
		problem,
		attempts: 0,
		reused: false,
	};
}

/**
 * An answer we could not use from a vendor that may have processed (and billed) the request. It is never sent
 * again on its own: the user decides, knowing it may be paid twice.
 */
export function lostAnswer(op: Operation, how: string, httpStatus: number | null): Answer {
	const vendor = VENDORS[op.vendor].name;
	const charged: Charged = mayCharge(op) ? 'unknown' : false;
	const effect =
		op.kind === 'faceAdd' ? 'may have added the face' : op.kind === 'faceDelete' ? 'may have deleted the face' : 'may have processed it';
	const cost = charged === 'unknown' ? ' and billed it' : '';
	const message =
		`${how}. ${vendor} ${effect}${cost}, so it was not sent again` +
		`${charged === 'unknown' ? ' (that could pay twice)' : ''}: check before sending it again.`;
	return { ...failure(op, 'ANSWER_LOST', message, false, httpStatus, null, charged), lost: true };
}

/**
 * HTTP statuses that say the vendor did not process the request, whatever the body. A 504 is left out: a gateway
 * that timed out speaks for a vendor that may still have done the work.
 */
const NOT_PROCESSED_HTTP = (status: number) => (status >= 500 && status !== 504) || status === 429 || status === 408;

/** A status or message that names the token: how some endpoints answer a wrong one. */
const NAMES_THE_TOKEN = /token/i;

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
	const envelope = (parsed ?? {}) as { message?: unknown; reason?: unknown; request_id?: unknown; results?: unknown };
	const isAccuAuth = op.vendor === 'accuauth';
	const text = isAccuAuth ? envelope.reason : envelope.message;
	const message = typeof text === 'string' ? text : null;

	if (http === 429) {
		const detail = typeof status === 'string' ? `, ${status}` : '';
		return {
			...failure(op, 'RATE_LIMITED', `${VENDORS[op.vendor].name} asked to slow down (HTTP 429${detail})`, true, http),
			retryAfterMs,
			rateLimited: true,
		};
	}
	// AI Solution's INVALID_REQUEST means the same on every endpoint, documented there or not (a wrong token, say).
	const documented =
		typeof status !== 'string'
			? undefined
			: (ownEntry(op.statuses, status) ?? (!isAccuAuth && status === 'INVALID_REQUEST' ? AI_SOLUTION_INVALID_REQUEST : undefined));
	// AccuAuth documents its own 401/403 statuses (one of them a rate limit); AI Solution documents none.
	if (
		((http === 401 || http === 403) && !documented) ||
		(!isAccuAuth && (NAMES_THE_TOKEN.test(message ?? '') || NAMES_THE_TOKEN.test(String(status ?? ''))))
	) {
		const said = [typeof status === 'string' ? status : null, message ? `"${message}"` : null].filter(Boolean).join(' ');
		const what = `HTTP ${http}${said ? `, ${said}` : ''}`;
		return failure(
			op,
			'UNAUTHORIZED',
			`${VENDORS[op.vendor].name} refused the credentials (${what}): check ${VENDORS[op.vendor].credential}`,
			false,
			http,
			typeof status === 'string' ? status : null,
		);
	}
	if (typeof status !== 'string') {
		const what =
			body.length === 0
				? 'an empty answer'
				: parsed === undefined
					? `an answer that is not JSON (${body.length} bytes)`
					: 'JSON without a status';
		if (NOT_PROCESSED_HTTP(http)) {
			return {
				...failure(op, 'VENDOR_UNAVAILABLE', `${VENDORS[op.vendor].name} sent ${what} with HTTP ${http}`, true, http),
				retryAfterMs,
			};
		}
		// A 2xx (or 504) answer we cannot read may still have been billed: never sent again on its own.
		return lostAnswer(op, `${VENDORS[op.vendor].name} sent ${what} with HTTP ${http}`, http);
	}

	const payload = isAccuAuth ? envelope.results : envelope.message;
	const requestId = typeof envelope.request_id === 'string' ? envelope.request_id : null;

	let rule: StatusRule | undefined = (message !== null && ownEntry(ownEntry(op.messageOverrides, status), message)) || documented;
	let verdict: string | undefined;
	if (!rule) {
		return {
			...failure(
				op,
				status,
				`Undocumented vendor status ${status}${message ? `: ${message}` : ''} (HTTP ${http})`,
				NOT_PROCESSED_HTTP(http),
				http,
				status,
			),
			requestId,
			retryAfterMs,
		};
	}
	if (status === 'OK' && op.verdicts) {
		const value = op.verdicts.of(payload);
		const verdictRule = ownEntry(op.verdicts.values, value);
		if (!verdictRule) {
			// Billed (status OK) but unreadable: report, never retry.
			return {
				...failure(op, 'UNDOCUMENTED_VERDICT', `The vendor answered OK with an undocumented verdict "${value}"`, false, http, status),
				charged: rule.charged,
				requestId,
			};
		}
		rule = verdictRule;
		verdict = verdictRule.label;
	}
	const data = status === 'OK' ? withhold(op, isAccuAuth && Array.isArray(payload) ? (payload[0] ?? null) : (payload ?? null)) : null;
	const problem: Problem | null =
		rule.outcome === 'rejectedInput' || rule.outcome === 'failed'
			? { code: status, message: describeStatus(op, status, rule, message), retryable: rule.retryable, vendorStatus: status }
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
		...(rule.rateLimit ? { rateLimited: rule.rateLimit } : {}),
	};
}

function describeStatus(op: Operation, status: string, rule: StatusRule, message: string | null): string {
	const detail = message && message !== rule.description ? `: ${message}` : '';
	const said = `${status} (${rule.description})${detail}`;
	const vendor = VENDORS[op.vendor];
	if (rule.failure === 'auth') return `${vendor.name} refused the credentials, ${said}: check ${vendor.credential}`;
	if (rule.failure === 'credentialsOrRequest') {
		return `${vendor.name} answered ${said} to a request that passed every local check. The usual cause is a wrong or expired token: check ${vendor.credential}, then the request`;
	}
	return said;
}

/** The payload without the keys the catalog withholds. */
function withhold(op: Operation, data: unknown): unknown {
	if (!op.withheld?.length || !data || typeof data !== 'object' || Array.isArray(data)) return data;
	const kept = { ...(data as Record<string, unknown>) };
	for (const key of op.withheld) delete kept[key];
	return kept;
}

function parseRetryAfter(value: string | undefined): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
