import { VENDORS, getOperation } from '../catalog';
import { DEFAULT_RATE_LIMIT_WAIT_MS, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from '../defaults';
import type { Operation } from '../catalog/types';
import { normalizeDocument } from '../normalize';
import type { NormalizeOptions } from '../normalize/types';
import type { CallResult } from '../outcome';
import { ResultCache, ScopeCalls, isFinal, reusedCopy } from './dedupe';
import { RateGovernor, Semaphore } from './limiter';
import type { ClientOptions } from './options';
import { prepareInputs } from './inputs';
import { redact } from './redact';
import { buildRequest, endpointUrl, type PreparedInputs } from './request';
import type { TransportRequest } from './transport';
import { failure, interpret, lostAnswer, rejectedInput, type Answer } from './response';
import { TransportError } from './transport';

export type { CallInput } from './inputs';
import type { CallInput } from './inputs';

export interface Scope {
	/** Resolves for every outcome; never throws for vendor, network or input trouble. */
	call(operationId: string, input: CallInput): Promise<CallResult>;
}

export interface Client {
	/** One n8n execution or one GraphQL request: identical calls inside it are sent once. */
	scope(): Scope;
	/** A call in a scope of its own. */
	call(operationId: string, input: CallInput): Promise<CallResult>;
}

// Declared in core/defaults; exported here too, where they have always been.
export { DEFAULT_RATE_LIMIT_WAIT_MS, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS };

export function createClient(options: ClientOptions): Client {
	const retry = { ...DEFAULT_RETRY, ...options.retry };
	if (!(retry.attempts >= 1)) throw new RangeError(`retry.attempts must be at least 1, got ${retry.attempts}`);
	const { sleep } = options;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const secrets = options.secrets ?? [];
	const slots = new Semaphore(options.concurrency ?? 10);
	const governors = new Map<string, RateGovernor>();
	const rateLimitWaitMs = options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
	const resendLostAnswers = options.resendLostAnswers === true;
	const cache = options.cache ? new ResultCache(options.cache.ttlMs, options.cache.maxEntries) : undefined;
	const afterAnswer = normalizeRecognized(options.normalize);

	function emit(op: Operation, result: CallResult, attempt: number, startedAt: number, local: boolean) {
		options.onEvent?.({
			operationId: op.id,
			vendor: op.vendor,
			outcome: result.outcome,
			status: result.status,
			charged: result.charged,
			attempt,
			durationMs: Date.now() - startedAt,
			local,
		});
	}

	/**
	 * Sends until the answer is final. What is sent again, and why:
	 * - a request that never left (`notSent`), or that the vendor said it did not process (RETRY_LATER,
	 *   INTERNAL_ERROR, a 5xx before processing): up to `retry.attempts`, with jittered exponential backoff;
	 * - a rate-limit answer: as long as `rateLimitWaitMs` allows, paced by the vendor's governor;
	 * - a request the vendor may have processed (reset or timeout after sending, a cut body): never, unless the
	 *   caller opted in with `resendLostAnswers`; otherwise it ends as ANSWER_LOST with `charged: "unknown"`.
	 */
	async function send(op: Operation, inputs: PreparedInputs): Promise<CallResult> {
		// Built inside the first slot, so at most `concurrency` encoded bodies exist at once; retries reuse it.
		let request: TransportRequest | undefined;
		const governor = governorFor(op);
		const firstTry = Date.now();
		let failures = 0;
		let attempt = 0;
		try {
			for (;;) {
				attempt++;
				const startedAt = Date.now();
				// The vendor's pace is waited for outside a slot: a slow host must not hold slots other hosts need.
				const sentAt = await governor.acquire();
				const answer = await slots.run(async () => {
					request ??= buildRequest(op, inputs, endpointUrl(op, options.baseUrls ?? {}), timeoutMs);
					let reply: Answer;
					try {
						reply = interpret(op, await options.transport(request));
					} catch (error) {
						reply = transportFailure(op, error, secrets, timeoutMs);
					}
					const limited = reply.rateLimited === true || (reply.rateLimited === 'ambiguous' && governor.soundsLikeALimit());
					if (limited) governor.refuse(sentAt, reply.retryAfterMs);
					else if (reply.httpStatus !== null && !reply.rateLimited) governor.accept();
					return { ...reply, rateLimited: limited ? (true as const) : undefined };
				});
				const result = finish(op, answer, attempt);
				emit(op, result, attempt, startedAt, false);
				if (answer.rateLimited) {
					const waitedMs = Date.now() - firstTry;
					if (waitedMs + (answer.retryAfterMs ?? 0) >= rateLimitWaitMs) return finish(op, rateLimitGaveUp(op, answer, waitedMs), attempt);
					if (answer.retryAfterMs) await sleep(answer.retryAfterMs);
					continue;
				}
				const again = answer.lost ? resendLostAnswers : answer.retryable && answer.charged === false;
				if (!again || ++failures >= retry.attempts) return result;
				const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (failures - 1));
				await sleep(Math.max(answer.retryAfterMs ?? 0, Math.random() * backoff));
			}
		} finally {
			// The body holds the image (base64 or bytes): once no attempt can send it again, it is overwritten.
			if (request?.body instanceof Uint8Array) request.body.fill(0);
		}
	}

	/** One governor per vendor host: what one learns about a limit serves every call to that host. */
	function governorFor(op: Operation): RateGovernor {
		const host = endpointUrl(op, options.baseUrls ?? {}).replace(/^(\w+:\/\/[^/]+).*$/, '$1');
		let governor = governors.get(host);
		if (!governor) {
			governor = new RateGovernor(sleep, options.ratePerSecond?.[op.vendor] || undefined);
			governors.set(host, governor);
		}
		return governor;
	}

	function finish(op: Operation, answer: Answer, attempts: number): CallResult {
		// The answer's own flags steer the retries; they are not part of the result.
		const { retryAfterMs: _retryAfter, rateLimited: _rateLimited, lost: _lost, ...rest } = answer;
		const result: CallResult = { operationId: op.id, vendor: op.vendor, ...rest, attempts, reused: false };
		if (result.message) result.message = redact(result.message, secrets);
		if (result.problem) result.problem = { ...result.problem, message: redact(result.problem.message, secrets) };
		return result;
	}

	/** `oneOff`: a scope for a single call has nothing to share, so it skips hashing unless a cache wants the key. */
	function scope(oneOff = false): Scope {
		const calls = new ScopeCalls<Promise<CallResult>>(cache !== undefined);
		return {
			async call(operationId, input) {
				const op = getOperation(operationId);
				const startedAt = Date.now();
				const prepared = prepareInputs(op, input ?? {});
				if ('problem' in prepared) {
					const result = rejectedInput(op, { ...prepared.problem, message: redact(prepared.problem.message, secrets) });
					emit(op, result, 0, startedAt, true);
					return result;
				}
				if (!op.dedupe || (oneOff && !cache)) return afterAnswer(op, await send(op, prepared.inputs));

				const { earlier, entry } = calls.find(op.id, prepared.inputs);
				if (earlier) {
					const result = reusedCopy(await earlier);
					emit(op, result, 0, startedAt, true);
					return result;
				}
				const cached = cache?.get(entry.key!);
				if (cached) {
					const result = reusedCopy(cached);
					emit(op, result, 0, startedAt, true);
					return result;
				}
				const pending = send(op, prepared.inputs).then((result) => afterAnswer(op, result));
				calls.add(entry, pending);
				const result = await pending;
				// With a cache, every call in the scope is hashed: the key is there.
				if (isFinal(result)) cache?.set(entry.key!, result);
				// A later caller in the scope tries again, except after a lost answer: that could pay twice.
				else if (result.problem?.code !== 'ANSWER_LOST') calls.remove(entry, pending);
				return result;
			},
		};
	}

	return { scope: () => scope(), call: (operationId, input) => scope(true).call(operationId, input) };
}

/** A recognized document gets its canonical form and checks, on every surface alike. */
function normalizeRecognized(normalize: NormalizeOptions | undefined): (op: Operation, result: CallResult) => CallResult {
	return (op, result) => {
		if (op.kind !== 'ocr' || result.outcome !== 'success' || !result.data) return result;
		const { document, checks } = normalizeDocument(op.id, result.data, normalize);
		return { ...result, document, checks };
	};
}

/** What a transport's error means for the call: sent again freely, never sent again, or not sendable at all. */
function transportFailure(op: Operation, error: unknown, secrets: readonly string[], timeoutMs: number): Answer {
	const vendor = VENDORS[op.vendor].name;
	const known = error instanceof TransportError ? error : null;
	const detail = redact(String((error as { message?: unknown })?.message ?? error).slice(0, 300), secrets);
	if (known?.details.notConfigured) return failure(op, 'NOT_CONFIGURED', detail, false, null);
	const code = known?.details.code ? ` (${known.details.code})` : '';
	// A transport that cannot tell how far the request got says nothing: the vendor may have processed it.
	const phase = known?.phase ?? 'sent';
	if (phase === 'notSent') return failure(op, 'NETWORK_ERROR', `Could not reach ${vendor}: ${detail}${code}`, true, null);
	if (phase === 'answered') {
		const http = known?.details.httpStatus ?? null;
		return lostAnswer(op, `${vendor} answered${http ? ` HTTP ${http}` : ''}, but the answer was cut off (${detail}${code})`, http);
	}
	if (known?.details.timedOut) return lostAnswer(op, `No answer from ${vendor} within ${timeoutMs} ms after the request was sent`, null);
	return lostAnswer(op, `The connection to ${vendor} failed after the request was sent (${detail}${code})`, null);
}

/** A rate limit that outlasted the wait: free, and worth trying again later. */
function rateLimitGaveUp(op: Operation, answer: Answer, waitedMs: number): Answer {
	const seconds = Math.round(waitedMs / 1000);
	const message = `${VENDORS[op.vendor].name} kept refusing for its rate limit for ${seconds} s (${answer.problem?.message ?? answer.status ?? 'rate limited'}); nothing was charged: try again later, or raise the rate-limit wait`;
	return { ...failure(op, 'RATE_LIMITED', message, true, answer.httpStatus, answer.status), rateLimited: true };
}
