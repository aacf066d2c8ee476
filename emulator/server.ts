import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Operation, VendorId } from '../core/catalog/types';
import { Ledger } from './accounting';
import { answerAccuAuth, notFound, parseAccuAuth } from './accuauth';
import { answerAiSolution, parseAiSolution, type AiSolutionState } from './aisolution';
import { readBody } from './body';
import { answerControl, CONTROL_PREFIX } from './control';
import { FaceStore } from './faceStore';
import { FaultInjector } from './faults';
import { rateLimitReply, retryLaterReply, unknownAiSolutionPath } from './notNow';
import { validateReadings } from './readings';
import type { ParsedCall, VendorReply } from './reply';
import { ACCUAUTH_PREFIX, AISOLUTION_PREFIX, buildRoutes, type Routes } from './routes';
import type { AccountedCall, EmulatorOptions, Readings, SandboxCredentials } from './types';
import { WhatsappDesk } from './whatsapp';
import { drop, jsonAnswer, send, sendPart, textAnswer, type WireAnswer } from './wire';

export { CONTROL_PREFIX } from './control';

/** The emulator's state and its HTTP handler. */
export class EmulatorServer {
	readonly ledger = new Ledger();
	readonly faults = new FaultInjector();
	readonly faces = new FaceStore();
	readonly whatsapp: WhatsappDesk;
	readonly server: http.Server;
	private readonly routes: Routes = buildRoutes();
	private readonly now: () => Date;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly sockets = new Set<Socket>();
	private currentReadings: Readings;

	constructor(
		readonly credentials: SandboxCredentials,
		options: EmulatorOptions,
	) {
		this.now = options.now ?? (() => new Date());
		const whatsappOp = [...this.routes.aisolution.values()].flat().find((op) => op.kind === 'whatsapp');
		if (!whatsappOp) throw new Error('the catalog has no WhatsApp operation');
		this.whatsapp = new WhatsappDesk(whatsappOp, this.now, options.whatsappCheckingMs ?? 2000, (delivery) =>
			this.ledger.recordCallback(delivery),
		);
		if (options.faults) this.faults.set(options.faults);
		this.currentReadings = validateReadings(options.readings ?? {});
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent)
					send(res, jsonAnswer(500, { status: 'EMULATOR_ERROR', message: error instanceof Error ? error.message : String(error) }));
				else res.destroy();
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	get readings(): Readings {
		return { ...this.currentReadings };
	}

	/** Replaces the readings; what is left out takes its default. */
	setReadings(readings: unknown): void {
		this.currentReadings = validateReadings(readings);
	}

	reset(): void {
		this.ledger.clear();
		this.faults.set({});
		this.currentReadings = validateReadings({});
		this.faces.clear();
		this.whatsapp.clear();
	}

	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.whatsapp.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const arrived = this.now();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname.startsWith(CONTROL_PREFIX)) return answerControl(this, req, res, url.pathname.slice(CONTROL_PREFIX.length));
		const route = this.route(url.pathname);
		if (!route) {
			send(
				res,
				jsonAnswer(404, {
					status: 'NOT_FOUND',
					message: `no vendor route at ${url.pathname}; see ${AISOLUTION_PREFIX} and ${ACCUAUTH_PREFIX}`,
				}),
			);
			return;
		}
		const { vendor, candidates } = route;
		// Decided when the request headers arrive, as a network or a gateway in front of the vendor would.
		const decision = this.faults.decide(
			vendor,
			candidates.map((c) => c.id),
		);
		const fault = decision.kind;
		const readings = this.currentReadings;
		type Reply = Pick<AccountedCall, 'httpStatus' | 'status' | 'verdict' | 'outcome' | 'charged' | 'imageSha256' | 'inputSha256'>;
		const record = (op: Operation | null, reply: Reply) =>
			this.ledger.record({
				time: arrived.toISOString(),
				operationId: op?.id ?? null,
				vendor,
				httpStatus: reply.httpStatus,
				status: reply.status,
				verdict: reply.verdict,
				outcome: reply.outcome,
				charged: reply.charged,
				imageSha256: reply.imageSha256,
				inputSha256: reply.inputSha256,
				fault,
			});
		const nothing: Reply = {
			httpStatus: null,
			status: null,
			verdict: null,
			outcome: 'failed',
			charged: false,
			imageSha256: null,
			inputSha256: null,
		};

		if (fault === 'resetBeforeBody') {
			// What the client can tell: a body small enough for the socket buffers was all written before the drop, so
			// it sees the same reset as after processing. Only a client that watches its own writes (the GraphQL
			// server's httpTransport does) can see a larger body fail while being written.
			record(candidates.length === 1 ? candidates[0] : null, nothing).delivered = false;
			drop(req.socket, readings.dropStyle);
			return;
		}
		const body = await readBody(req);
		const request = { method: req.method ?? 'GET', contentType: req.headers['content-type'], body };
		const aiState = this.aiSolutionState();
		let parsed: ParsedCall | VendorReply;
		if (vendor === 'aisolution')
			parsed = candidates.length ? parseAiSolution(candidates, { ...request, url }, aiState) : unknownAiSolutionPath();
		else parsed = candidates.length ? parseAccuAuth(candidates, { ...request, headers: req.headers }, this.credentials) : notFound();
		const call = 'images' in parsed ? parsed : null;
		const op = call ? call.op : (parsed as VendorReply).op;
		const hashes = { imageSha256: call?.imageSha256 ?? null, inputSha256: call?.inputSha256 ?? null };
		if (decision.delayMs > 0) await this.sleep(decision.delayMs);

		if (fault === 'reset') {
			// Reset before the vendor processed: the request was read, nothing was done or billed.
			record(op, { ...nothing, ...hashes }).delivered = false;
			drop(req.socket, readings.dropStyle);
			return;
		}
		let reply: VendorReply;
		if (fault === '5xx') {
			const page = `<html><body><h1>${decision.httpStatus} Service Unavailable</h1></body></html>`;
			reply = { ...nothing, ...hashes, httpStatus: decision.httpStatus, body: null, op, page: { contentType: 'text/html', text: page } };
		} else if (fault === 'RETRY_LATER') {
			reply = retryLaterReply(vendor, op ?? candidates[0], call, aiState);
		} else if (fault === 'rateLimit') {
			const rateReadings = { answer: readings.rateLimitAnswer, retryAfter: readings.retryAfter, waitMs: decision.retryAfterMs };
			reply = rateLimitReply(vendor, op ?? candidates[0], call, aiState, rateReadings);
		} else {
			if (fault === 'timeout') await this.sleep(decision.holdMs);
			reply = call ? (vendor === 'aisolution' ? answerAiSolution(call, aiState) : answerAccuAuth(call)) : (parsed as VendorReply);
		}
		// The vendor's answer is made: what it charges is charged, whatever reaches the client from here on.
		const entry = record(op, reply);
		if (fault === 'resetAfterBilled' || res.destroyed || req.socket.destroyed) {
			// Dropped after billing by the fault, or the client gave up (its timeout) while the answer was being made.
			entry.delivered = false;
			reply.afterSend?.();
			if (!req.socket.destroyed) drop(req.socket, readings.dropStyle);
			return;
		}
		res.on('close', () => {
			if (!res.writableFinished) entry.delivered = false;
		});
		const answer = wireAnswer(reply);
		if (fault === 'cutBody' || fault === 'stallBody') {
			entry.delivered = false;
			await sendPart(res, answer, decision.bodyBytes);
			reply.afterSend?.();
			if (fault === 'stallBody') await this.sleep(decision.holdMs);
			drop(req.socket, readings.dropStyle);
			return;
		}
		send(res, answer);
		reply.afterSend?.();
	}

	private route(pathname: string): { vendor: VendorId; candidates: readonly Operation[] } | null {
		if (pathname.startsWith(AISOLUTION_PREFIX)) {
			return { vendor: 'aisolution', candidates: this.routes.aisolution.get(pathname.slice(AISOLUTION_PREFIX.length)) ?? [] };
		}
		if (pathname.startsWith(ACCUAUTH_PREFIX)) {
			const [country, ...rest] = pathname.slice(ACCUAUTH_PREFIX.length).split('/');
			return { vendor: 'accuauth', candidates: this.routes.accuauth.get(country)?.get(rest.join('/')) ?? [] };
		}
		return null;
	}

	private aiSolutionState(): AiSolutionState {
		return {
			token: this.credentials.token,
			faces: this.faces,
			whatsapp: this.whatsapp,
			whatsappUnavailable: () => this.faults.whatsappUnavailable,
			wrongToken: this.currentReadings.wrongToken,
		};
	}

	/** A timer that close() clears, so a held answer never keeps the process alive. */
	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}
}

/** The reply as bytes: its JSON body (or a gateway's page), the emulator's detail header and any headers of its own. */
function wireAnswer(reply: VendorReply): WireAnswer {
	const headers: Record<string, string> = { ...reply.headers };
	if (reply.detail) headers['X-Emulator-Detail'] = reply.detail.replace(/[^\x20-\x7e]/g, '?');
	if (reply.page) return textAnswer(reply.httpStatus, reply.page.contentType, reply.page.text, headers);
	return jsonAnswer(reply.httpStatus, reply.body, headers);
}
