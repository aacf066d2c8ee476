import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a CRM API, on loopback, for the example workflows: their HTTP Request nodes post recognized
 * people to /contacts and documents that need a person's look to /review-list. It keeps what it receives in
 * memory, so the end-to-end test can check what reached it and a person trying the examples can look.
 *
 *   POST /contacts, POST /review-list   store the JSON body, answer 201 with it and an id
 *   GET  /contacts, GET  /review-list   what was stored, oldest first
 *   GET  /                              both lists
 */

/** Where `npm run n8n` puts the demo CRM: DEMO_CRM_PORT, or 8788 (the address the example workflows are written with). */
export const DEMO_CRM_PORT = Number(process.env.DEMO_CRM_PORT ?? 8788);
const LISTS = ['contacts', 'review-list'] as const;
type ListName = (typeof LISTS)[number];
export type DemoCrmRecord = Record<string, unknown> & { id: number };

export interface DemoCrm {
	origin: string;
	list(name: ListName): DemoCrmRecord[];
	close(): Promise<void>;
}

export async function startDemoCrm(port = 0): Promise<DemoCrm> {
	const lists: Record<ListName, DemoCrmRecord[]> = { contacts: [], 'review-list': [] };
	let nextId = 1;
	const server: Server = createServer((request, response) => {
		const reply = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const name = (request.url ?? '/').split('?')[0].replace(/^\/+|\/+$/g, '');
		if (request.method === 'GET' && name === '') return reply(200, lists);
		if (!(LISTS as readonly string[]).includes(name)) return reply(404, { error: `no list "${name}"; lists: ${LISTS.join(', ')}` });
		const list = lists[name as ListName];
		if (request.method === 'GET') return reply(200, list);
		if (request.method !== 'POST') return reply(405, { error: 'use GET or POST' });
		readJson(request).then(
			(body) => {
				const record = { id: nextId++, ...body };
				list.push(record);
				reply(201, record);
			},
			(error: Error) => reply(400, { error: error.message }),
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${address.port}`,
		list: (name) => [...lists[name]],
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	const body: unknown = text ? JSON.parse(text) : {};
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the body must be a JSON object');
	return body as Record<string, unknown>;
}
