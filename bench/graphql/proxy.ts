import { createServer } from 'http';
import { setTimeout as delay } from 'timers/promises';
import { createClient } from '../../core';
import { httpTransport } from '../../graphql/src/httpTransport';

/**
 * The baselines of the GraphQL benchmark: a plain Node HTTP proxy (node:http) making the same vendor call.
 * POST { "base64": "…" } → AI Solution deIdCard → JSON. Env: PROXY_MODE, VENDOR_BASE_URL (AI Solution base),
 * VENDOR_TOKEN, PORT (0: any). Prints "proxy on http://127.0.0.1:PORT".
 * - fetch: the form body (img=…) sent with fetch, the vendor's JSON passed back as it is.
 * - core:  the core client with the GraphQL server's transport (same builder, parsing and normalization), its
 *          CallResult passed back as JSON: GraphQL minus Yoga, auth, budgets, limits and metrics.
 */
const mode = process.env.PROXY_MODE ?? 'fetch';
const baseUrl = process.env.VENDOR_BASE_URL!;
const token = process.env.VENDOR_TOKEN!;
const vendorUrl = `${baseUrl}/de_ocr/general?token=${encodeURIComponent(token)}`;
const client = createClient({
	sleep: delay,
	transport: httpTransport({ aisolution: { token } }),
	baseUrls: { aisolution: baseUrl },
	secrets: [token],
	concurrency: 32,
});

async function answer(base64: string): Promise<{ status: number; body: string }> {
	if (mode === 'core') {
		// A scope per request, as the GraphQL server uses one.
		const result = await client.scope().call('deIdCard', { img: { base64 } });
		return {
			status: 200,
			body: JSON.stringify({
				status: result.status,
				outcome: result.outcome,
				document: result.document ?? null,
				checks: result.checks ?? null,
			}),
		};
	}
	const response = await fetch(vendorUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		// The core's form encoding: base64 needs only '+' escaped.
		body: `img=${base64.replace(/\+/g, '%2B')}`,
	});
	return { status: response.status, body: await response.text() };
}

const server = createServer(async (req, res) => {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	try {
		const { base64 } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { base64: string };
		const { status, body } = await answer(base64);
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(body);
	} catch (error) {
		res.writeHead(502, { 'content-type': 'text/plain' });
		res.end(String(error));
	}
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	const address = server.address() as { port: number };
	console.log(`proxy on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
