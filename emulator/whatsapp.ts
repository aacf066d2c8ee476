import http from 'node:http';
import https from 'node:https';
import { isIPv4 } from 'node:net';
import type { Operation } from '../core/catalog/types';
import type { CallbackDelivery } from './types';

/**
 * WhatsApp detail detection (gliswadetail) in the sandbox. There is no image to carry a marker, so the
 * number decides (digits only, + and separators ignored):
 *   last digit 0–4 → yes · 5–7 → no · 8 → checking, then final after the checking delay (yes when the
 *   digit before the 8 is 0–4, no when it is 5–9) · 9 → INVALID_INPUT.
 * Fewer than 6 or more than 15 digits → INVALID_INPUT; a `country` that is not two letters → FAIL.
 * A `callback` must be a loopback http(s) URL (127.0.0.0/8, localhost, ::1); anything else → INVALID_INPUT.
 * With a callback, the final result is also sent there with GET as the docs show, once per number.
 */

export type WhatsappAnswer =
	| { status: 'OK'; message: Record<string, string> }
	| { status: 'INVALID_INPUT' | 'FAIL' | 'RETRY_LATER'; message: string };

export interface WhatsappRequest {
	/** Whose state this is (the token). */
	account: string;
	number: string;
	country: string;
	callback: string;
	servstatus: string;
	/** The fault switch `whatsappUnavailable`. */
	serviceDown: boolean;
}

interface Pending {
	deadline: number;
	callbackScheduled: boolean;
}

const CALLBACK_TIMEOUT_MS = 5_000;

export class WhatsappDesk {
	private checking = new Map<string, Pending>();
	private timers = new Set<NodeJS.Timeout>();
	private inFlight = new Set<http.ClientRequest>();
	/** Bumped by clear(): deliveries cut short by a reset are not recorded. */
	private generation = 0;

	constructor(
		private readonly op: Operation,
		private readonly now: () => Date,
		private readonly checkingMs: number,
		private readonly onDelivery: (delivery: CallbackDelivery) => void,
	) {}

	/** The answer, and what to do once it has been sent (the callback, if any). */
	answer(request: WhatsappRequest): { answer: WhatsappAnswer; afterSend?: () => void } {
		const digits = request.number.replace(/^\+/, '').replace(/[\s\-().]/g, '');
		if (!/^\d{6,15}$/.test(digits)) return { answer: { status: 'INVALID_INPUT', message: 'number must have 6 to 15 digits' } };
		if (request.country !== '' && !/^[A-Za-z]{2}$/.test(request.country))
			return { answer: { status: 'FAIL', message: 'country must be a two-letter abbreviation' } };
		let callback: URL | null = null;
		if (request.callback !== '') {
			callback = loopbackUrl(request.callback);
			if (!callback)
				return {
					answer: {
						status: 'INVALID_INPUT',
						message: 'the sandbox sends callbacks only to loopback http(s) URLs (127.0.0.0/8, localhost, ::1)',
					},
				};
		}
		if (request.serviceDown) {
			return request.servstatus === 'y'
				? { answer: { status: 'OK', message: { number: `+${digits}`, whatsapp: 'unavailable' } } }
				: { answer: { status: 'RETRY_LATER', message: 'Service is not available right now, please try again later' } };
		}
		const last = Number(digits[digits.length - 1]);
		if (last === 9) return { answer: { status: 'INVALID_INPUT', message: 'invalid input' } };
		if (last !== 8) {
			const message = this.finalMessage(digits, last <= 4 ? 'yes' : 'no');
			return { answer: { status: 'OK', message }, afterSend: callback ? () => this.deliver(callback, message) : undefined };
		}
		return this.checkingAnswer(request.account, digits, callback);
	}

	private checkingAnswer(account: string, digits: string, callback: URL | null): { answer: WhatsappAnswer; afterSend?: () => void } {
		const key = `${account}\u0000${digits}`;
		const now = this.now().getTime();
		let pending = this.checking.get(key);
		if (!pending) {
			pending = { deadline: now + this.checkingMs, callbackScheduled: false };
			this.checking.set(key, pending);
		}
		const final = this.finalMessage(digits, Number(digits[digits.length - 2] ?? 0) <= 4 ? 'yes' : 'no');
		const done = now >= pending.deadline;
		const answer: WhatsappAnswer = { status: 'OK', message: done ? final : { number: `+${digits}`, whatsapp: 'checking' } };
		if (!callback || pending.callbackScheduled) return { answer };
		pending.callbackScheduled = true;
		const wait = Math.max(0, pending.deadline - now);
		return {
			answer,
			afterSend: () => {
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					this.deliver(callback, final);
				}, wait);
				this.timers.add(timer);
			},
		};
	}

	private finalMessage(digits: string, whatsapp: 'yes' | 'no'): Record<string, string> {
		if (whatsapp === 'no') return { number: `+${digits}`, whatsapp: 'no' };
		return { ...(this.op.sample as Record<string, string>), number: `+${digits}`, whatsapp: 'yes' };
	}

	/** GET callback?number=…&whatsapp=…&status_update=…&signature=…&business_user=…&avatar=… */
	private deliver(callback: URL, message: Record<string, string>): void {
		const url = new URL(callback.href);
		for (const [key, value] of Object.entries(message)) url.searchParams.append(key, value);
		const generation = this.generation;
		const record = (httpStatus: number | null, error: string | null) =>
			generation === this.generation &&
			this.onDelivery({
				time: this.now().toISOString(),
				operationId: this.op.id,
				url: `${callback.origin}${callback.pathname}`,
				whatsapp: message.whatsapp,
				httpStatus,
				error,
			});
		const client = url.protocol === 'https:' ? https : http;
		// Loopback receivers in tests use self-signed certificates.
		const request = client.get(url, { timeout: CALLBACK_TIMEOUT_MS, rejectUnauthorized: false }, (response) => {
			response.resume();
			response.on('end', () => this.inFlight.delete(request));
			record(response.statusCode ?? null, null);
		});
		this.inFlight.add(request);
		request.on('timeout', () => request.destroy(new Error(`no answer within ${CALLBACK_TIMEOUT_MS} ms`)));
		request.on('error', (error) => {
			this.inFlight.delete(request);
			record(null, error.message);
		});
	}

	clear(): void {
		this.generation++;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const request of this.inFlight) request.destroy();
		this.inFlight.clear();
		this.checking.clear();
	}
}

export function loopbackUrl(text: string): URL | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	const host = url.hostname;
	const loopback = host === 'localhost' || host === '[::1]' || (isIPv4(host) && host.startsWith('127.'));
	return loopback ? url : null;
}
