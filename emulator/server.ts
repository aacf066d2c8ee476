import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Operation, VendorId } from '../core/catalog/types';
import { Ledger } from './accounting';
import { answerAccuAuth, notFound, parseAccuAuth, statusReply as accuAuthStatus } from './accuauth';
import { answerAiSolution, parseAiSolution, statusAnswer as aiSolutionStatus, type AiSolutionState } from './aisolution';
import { readBody } from './body';
import { FaceStore } from './faceStore';
import { FaultInjector, validateFaults } from './faults';
import type { ParsedCall, VendorReply } from './reply';
import { ACCUAUTH_PREFIX, AISOLUTION_PREFIX, buildRoutes, type Routes } from './routes';
import type { AccountedCall, EmulatorOptions, FaultKind, SandboxCredentials } from './types';
import { WhatsappDesk } from './whatsapp';

export const CONTROL_PREFIX = '/__emulator/';

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

	constructor(
		readonly credentials: SandboxCredentials,
		options: EmulatorOptions,
	) {
		this.now = options.now ?? (() => new Date());
		const whatsappOp = [...this.routes.aisolution.values()].flat().find((op) => op.kind === 'whatsapp');
		if (!whatsappOp) throw new Error('the catalog has no WhatsApp operation');
		this.whatsapp = new WhatsappDesk(whatsappOp, this.now, options.whatsappCheckingMs ?? 2000, (delivery) => this.ledger.recordCallback(delivery));
		if (options.faults) this.faults.set(options.faults);
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) sendJson(res, 500, { status: 'EMULATOR_ERROR', message: error instanceof Error ? error.message : String(error) });
				else res.destroy();
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	reset(): void {
		this.ledger.clear();
		this.faults.set({});
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
		if (url.pathname.startsWith(CONTROL_PREFIX)) return this.control(req, res, url.pathname.slice(CONTROL_PREFIX.length));
		const body = await readBody(req);
		const request = { method: req.method ?? 'GET', contentType: req.headers['content-type'], body };

		let vendor: VendorId;
		let parsed: ParsedCall | VendorReply;
		let candidates: readonly Operation[];
		const aiState = this.aiSolutionState();
		if (url.pathname.startsWith(AISOLUTION_PREFIX)) {
			vendor = 'aisolution';
			candidates = this.routes.aisolution.get(url.pathname.slice(AISOLUTION_PREFIX.length)) ?? [];
			// Undocumented: AI Solution's docs never show an unknown path.
			parsed = candidates.length ? parseAiSolution(candidates, { ...request, url }, aiState) : unknownAiSolutionPath();
		} else if (url.pathname.startsWith(ACCUAUTH_PREFIX)) {
			vendor = 'accuauth';
			const [country, ...rest] = url.pathname.slice(ACCUAUTH_PREFIX.length).split('/');
			candidates = this.routes.accuauth.get(country)?.get(rest.join('/')) ?? [];
			parsed = candidates.length ? parseAccuAuth(candidates, { ...request, headers: req.headers }, this.credentials) : notFound();
		} else {
			sendJson(res, 404, { status: 'NOT_FOUND', message: `no vendor route at ${url.pathname}; see ${AISOLUTION_PREFIX} and ${ACCUAUTH_PREFIX}` });
			return;
		}

		const call = 'images' in parsed ? parsed : null;
		const op = call ? call.op : (parsed as VendorReply).op;
		const decision = this.faults.decide(vendor, op ? [op.id] : candidates.map((c) => c.id));
		if (decision.delayMs > 0) await this.sleep(decision.delayMs);
		const fault = decision.kind;
		const hashes = { imageSha256: call?.imageSha256 ?? null, inputSha256: call?.inputSha256 ?? null };
		const record = (reply: Pick<AccountedCall, 'httpStatus' | 'status' | 'verdict' | 'outcome' | 'charged'>) =>
			this.ledger.record({
				time: arrived.toISOString(),
				operationId: op?.id ?? null,
				vendor,
				httpStatus: reply.httpStatus,
				status: reply.status,
				verdict: reply.verdict,
				outcome: reply.outcome,
				charged: reply.charged,
				...hashes,
				fault,
			});

		if (fault === 'reset') {
			record({ httpStatus: null, status: null, verdict: null, outcome: 'failed', charged: false });
			req.socket.destroy();
			return;
		}
		if (fault === '5xx') {
			record({ httpStatus: decision.httpStatus, status: null, verdict: null, outcome: 'failed', charged: false });
			res.writeHead(decision.httpStatus, { 'Content-Type': 'text/html' }).end(`<html><body><h1>${decision.httpStatus} Service Unavailable</h1></body></html>`);
			return;
		}
		let reply: VendorReply;
		if (fault === 'RETRY_LATER' || fault === 'rateLimit') {
			reply = this.faultReply(vendor, op ?? candidates[0], fault, call, aiState);
		} else {
			if (fault === 'timeout') await this.sleep(decision.holdMs);
			reply = call ? (vendor === 'aisolution' ? answerAiSolution(call, aiState) : answerAccuAuth(call)) : (parsed as VendorReply);
		}
		const entry = record(reply);
		if (res.destroyed || req.socket.destroyed) {
			// The client gave up (its timeout) while the answer was being made; a callback still goes out.
			entry.delivered = false;
			reply.afterSend?.();
			return;
		}
		res.on('close', () => {
			if (!res.writableFinished) entry.delivered = false;
		});
		const headers: Record<string, string> = {};
		if (reply.detail) headers['X-Emulator-Detail'] = reply.detail.replace(/[^\x20-\x7e]/g, '?');
		sendJson(res, reply.httpStatus, reply.body, headers);
		reply.afterSend?.();
	}

	/** The vendor's own words for "not now": AI Solution RETRY_LATER; AccuAuth 500 INTERNAL_ERROR or 403 RATE_LIMIT_EXCEEDED. */
	private faultReply(vendor: VendorId, op: Operation | undefined, fault: Extract<FaultKind, 'RETRY_LATER'> | 'rateLimit', call: ParsedCall | null, aiState: AiSolutionState): VendorReply {
		if (!op) return vendor === 'accuauth' ? notFound() : unknownAiSolutionPath();
		if (vendor === 'accuauth') return accuAuthStatus(op, fault === 'rateLimit' ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL_ERROR', null, call);
		const reply = aiSolutionStatus({ op, markers: {}, imageSha256: call?.imageSha256 ?? null, inputSha256: call?.inputSha256 ?? null }, 'RETRY_LATER', aiState);
		return fault === 'rateLimit' ? { ...reply, detail: 'rate limit exceeded' } : reply;
	}

	private aiSolutionState(): AiSolutionState {
		return { token: this.credentials.token, faces: this.faces, whatsapp: this.whatsapp, whatsappUnavailable: () => this.faults.whatsappUnavailable };
	}

	/** GET accounting · GET faults · POST faults (JSON Faults) · POST reset · GET health */
	private async control(req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
		const route = `${req.method} ${action}`;
		if (route === 'GET accounting') return sendJson(res, 200, this.ledger.snapshot());
		if (route === 'GET faults') return sendJson(res, 200, this.faults.current());
		if (route === 'GET health') return sendJson(res, 200, { ok: true });
		if (route === 'POST reset') {
			await readBody(req);
			this.reset();
			return sendJson(res, 200, { ok: true });
		}
		if (route === 'POST faults') {
			const body = await readBody(req, 64 * 1024);
			try {
				this.faults.set(validateFaults(JSON.parse(body.bytes.toString('utf8') || '{}')));
			} catch (error) {
				return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
			}
			return sendJson(res, 200, this.faults.current());
		}
		sendJson(res, 404, { error: `unknown control route ${route}; known: GET accounting, GET faults, POST faults, POST reset, GET health` });
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

function unknownAiSolutionPath(): VendorReply {
	return { httpStatus: 404, body: { status: 'NOT_FOUND', message: 'no such API' }, op: null, status: 'NOT_FOUND', verdict: null, outcome: 'failed', charged: false, imageSha256: null, inputSha256: null };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}
