import { createServer } from 'http';

/**
 * The baseline of the GraphQL benchmark: a plain Node HTTP proxy making the same vendor call.
 * POST { "base64": "…" } → AI Solution deIdCard (form-encoded, ?token=) → the vendor's JSON, as it is.
 * Env: VENDOR_URL (the endpoint with its token), PORT (0: any). Prints "proxy on http://127.0.0.1:PORT".
 */
const vendorUrl = process.env.VENDOR_URL!;

const server = createServer(async (req, res) => {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	try {
		const { base64 } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { base64: string };
		const answer = await fetch(vendorUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `img=${encodeURIComponent(base64)}`,
		});
		const text = await answer.text();
		res.writeHead(answer.status, { 'content-type': 'application/json' });
		res.end(text);
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
