import { VENDORS, getOperation } from '../catalog';
import type { Operation, VendorId } from '../catalog/types';
import { normalizeDocument } from '../normalize';
import type { NormalizeOptions } from '../normalize/types';
import type { CallResult, Problem } from '../outcome';
import { ResultCache, callKey, isFinal, reusedCopy } from './dedupe';
import { RateLimiter, Semaphore } from './limiter';
import type { ClientOptions, RetryOptions } from './options';
import { checkImage, imageBytes } from './precheck';
import { redact } from './redact';
import { buildRequest, endpointUrl, type PreparedInputs } from './request';
import type { TransportRequest } from './transport';
import { failure, interpret, labelFor, type Answer } from './response';

export type CallInput = Record<string, unknown>;

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

const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 250, maxDelayMs: 5000 };

export function createClient(options: ClientOptions): Client {
	const retry = { ...DEFAULT_RETRY, ...options.retry };
	if (!(retry.attempts >= 1)) throw new RangeError(`retry.attempts must be at least 1, got ${retry.attempts}`);
	const { sleep } = options;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const secrets = options.secrets ?? [];
	const slots = new Semaphore(options.concurrency ?? 10);
	const rates: Partial<Record<VendorId, RateLimiter>> = {};
	for (const [vendor, perSecond] of Object.entries(options.ratePerSecond ?? {})) {
		if (perSecond) rates[vendor as VendorId] = new RateLimiter(perSecond, sleep);
	}
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

	function localRejection(op: Operation, problem: Problem): CallResult {
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

	/** Turns caller input into what goes on the wire, or the reason it cannot. */
	function prepare(op: Operation, input: CallInput): { inputs: PreparedInputs } | { problem: Problem } {
		const inputs: PreparedInputs = {};
		const known = new Set(op.inputs.map((spec) => spec.name));
		for (const name of Object.keys(input)) {
			if (input[name] !== undefined && !known.has(name)) {
				return { problem: { code: 'UNKNOWN_INPUT', message: `${op.title} takes ${[...known].join(', ')}; "${name}" is not one of them`, retryable: false, vendorStatus: null, input: name } };
			}
		}
		for (const spec of op.inputs) {
			const value = input[spec.name];
			if (value === undefined || value === null || value === '') {
				if (spec.required) return { problem: { code: 'MISSING_INPUT', message: `${op.title} needs "${spec.name}" (${spec.description})`, retryable: false, vendorStatus: null, input: spec.name } };
				continue;
			}
			if (spec.type === 'image') {
				const decoded = imageBytes(value, spec.name);
				if ('problem' in decoded) return decoded;
				const problem = op.limits && checkImage(decoded.bytes, op.limits, spec.name);
				if (problem) return { problem };
				inputs[spec.name] = decoded.bytes;
				continue;
			}
			const text = String(value);
			if (spec.type === 'integer' && !/^-?\d+$/.test(text)) {
				return { problem: { code: 'INVALID_INPUT', message: `"${spec.name}" must be a whole number, got ${JSON.stringify(text)}`, retryable: false, vendorStatus: null, input: spec.name, limit: 'integer', value: text } };
			}
			if (spec.allowed && !spec.allowed.map(String).includes(text)) {
				return { problem: { code: 'INVALID_INPUT', message: `"${spec.name}" must be one of ${spec.allowed.join(', ')}, got ${JSON.stringify(text)}`, retryable: false, vendorStatus: null, input: spec.name, limit: spec.allowed.join(', '), value: text } };
			}
			inputs[spec.name] = text;
		}
		return { inputs };
	}

	/** Sends with retries: only retryable answers, bounded, exponential backoff with full jitter. */
	async function send(op: Operation, inputs: PreparedInputs): Promise<CallResult> {
		// Built inside the first slot, so at most `concurrency` encoded bodies exist at once; retries reuse it.
		let request: TransportRequest | undefined;
		let answer: Answer | undefined;
		let attempt = 0;
		while (attempt < retry.attempts) {
			attempt++;
			const startedAt = Date.now();
			answer = await slots.run(async () => {
				await rates[op.vendor]?.acquire();
				request ??= buildRequest(op, inputs, endpointUrl(op, options.baseUrls ?? {}), timeoutMs);
				try {
					return interpret(op, await options.transport(request));
				} catch (error) {
					return networkFailure(op, error, secrets, timeoutMs);
				}
			});
			const result = finish(op, answer, attempt);
			emit(op, result, attempt, startedAt, false);
			if (!answer.retryable || answer.charged || attempt >= retry.attempts) return result;
			const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
			await sleep(Math.max(answer.retryAfterMs ?? 0, Math.random() * backoff));
		}
		return finish(op, answer!, attempt);
	}

	function finish(op: Operation, answer: Answer, attempts: number): CallResult {
		const { retryAfterMs: _ignored, ...rest } = answer;
		const result: CallResult = { operationId: op.id, vendor: op.vendor, ...rest, attempts, reused: false };
		if (result.message) result.message = redact(result.message, secrets);
		if (result.problem) result.problem = { ...result.problem, message: redact(result.problem.message, secrets) };
		return result;
	}

	/** `oneOff`: a scope for a single call has nothing to share, so it skips hashing unless a cache wants the key. */
	function scope(oneOff = false): Scope {
		const calls = new Map<string, Promise<CallResult>>();
		return {
			async call(operationId, input) {
				const op = getOperation(operationId);
				const startedAt = Date.now();
				const prepared = prepare(op, input ?? {});
				if ('problem' in prepared) {
					const result = localRejection(op, { ...prepared.problem, message: redact(prepared.problem.message, secrets) });
					emit(op, result, 0, startedAt, true);
					return result;
				}
				if (!op.dedupe || (oneOff && !cache)) return afterAnswer(op, await send(op, prepared.inputs));

				const key = callKey(op.id, prepared.inputs);
				const earlier = calls.get(key);
				if (earlier) {
					const result = reusedCopy(await earlier);
					emit(op, result, 0, startedAt, true);
					return result;
				}
				const cached = cache?.get(key);
				if (cached) {
					const result = reusedCopy(cached);
					emit(op, result, 0, startedAt, true);
					return result;
				}
				const pending = send(op, prepared.inputs).then((result) => afterAnswer(op, result));
				calls.set(key, pending);
				const result = await pending;
				if (isFinal(result)) cache?.set(key, result);
				else calls.delete(key); // a later caller in the scope tries again
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

function networkFailure(op: Operation, error: unknown, secrets: readonly string[], timeoutMs: number): Answer {
	const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
	// A transport that says it cannot send at all (no credentials configured) is not helped by trying again.
	if ((error as { retryable?: unknown })?.retryable === false) {
		return failure(op, 'NOT_CONFIGURED', redact(String(err?.message ?? error), secrets), false, null);
	}
	const code = err?.cause?.code ?? err?.code;
	const timedOut = err?.name === 'TimeoutError' || err?.name === 'AbortError' || code === 'ETIMEDOUT' || code === 'ECONNABORTED' || /timeout|timed out/i.test(err?.message ?? '');
	if (timedOut) return failure(op, 'TIMEOUT', `No answer from ${VENDORS[op.vendor].name} within ${timeoutMs} ms`, true, null);
	const detail = redact(String(err?.cause?.message ?? err?.message ?? error).slice(0, 300), secrets);
	return failure(op, 'NETWORK_ERROR', `Could not reach the vendor: ${detail}${code ? ` (${code})` : ''}`, true, null);
}
