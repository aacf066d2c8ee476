import { createHash } from 'crypto';
import { makeJpeg } from '../../test/support/images';
import { startEmulatorProcess } from '../emulatorProcess';
import { load } from './load';
import { GRAPHQL_MAIN, PROXY_MAIN, startChild, type Child } from './processes';

type Out = (line: string) => void;

const BENCH_KEY = 'bench-key';
const QUERY = 'query($i: ImageInput!) { readDocument(document: DE_ID_CARD, image: $i) { __typename ... on Problem { code message } } }';

/**
 * The GraphQL path against a plain Node HTTP proxy making the same vendor call (deIdCard, 150 KB JPEG, emulator
 * at zero latency, all on loopback, each server in its own process), then the GraphQL server's peak RSS while
 * 50 clients upload 2 MB images at once. Goals: ≥ 90% of the proxy's requests per second, p99 ≤ 1.2× the
 * proxy's, peak RSS < 400 MB.
 */
export async function benchGraphql(out: Out, options: { connections?: number; durationMs?: number; uploads?: number } = {}): Promise<void> {
	const connections = options.connections ?? 10;
	const durationMs = options.durationMs ?? 10_000;
	const emulator = await startEmulatorProcess();
	const children: Child[] = [];
	try {
		const keyHash = createHash('sha256').update(BENCH_KEY).digest('hex');
		const graphql = await startChild(
			GRAPHQL_MAIN,
			{
				PORT: '0',
				AISOLUTION_TOKEN: emulator.credentials.token,
				AISOLUTION_BASE_URL: emulator.baseUrls.aisolution,
				API_KEYS: JSON.stringify([{ name: 'bench', sha256: keyHash, budgetPerDay: 100_000_000, ratePerMinute: 100_000_000 }]),
				NODE_ENV: 'production',
				LOG_LEVEL: 'info',
			},
			/"graphql":"(http:\/\/[^"]+)\/graphql"/,
		);
		children.push(graphql);
		const proxy = await startChild(PROXY_MAIN, { PORT: '0', VENDOR_URL: `${emulator.baseUrls.aisolution}/de_ocr/general?token=${emulator.credentials.token}` }, /proxy on (http:\/\/\S+)/);
		children.push(proxy);

		const image = makeJpeg(1200, 800, { padToBytes: 150 * 1024 });
		const base64 = image.toString('base64');
		const graphqlBody = JSON.stringify({ query: QUERY, variables: { i: { base64 } } });
		const proxyBody = JSON.stringify({ base64 });
		const viaGraphql = async () => {
			const response = await fetch(`${graphql.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_KEY}` }, body: graphqlBody });
			const body = (await response.json()) as { data?: { readDocument: { __typename: string } } };
			if (body.data?.readDocument.__typename !== 'GermanIdCard') throw new Error(JSON.stringify(body));
		};
		const viaProxy = async () => {
			const response = await fetch(`${proxy.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: proxyBody });
			const body = (await response.json()) as { status?: string };
			if (body.status !== 'OK') throw new Error(JSON.stringify(body));
		};
		await viaGraphql(); // fail fast if the setup is wrong
		await viaProxy();

		out(`GraphQL readDocument vs a plain Node proxy: deIdCard, ${(image.length / 1024).toFixed(0)} KB JPEG as base64, ${connections} connections, ${durationMs / 1000} s each, emulator at zero latency`);
		// Warm both, then alternate proxy / GraphQL twice so neither always runs on a warmer machine.
		await load(viaProxy, connections, 2000);
		await load(viaGraphql, connections, 2000);
		const rounds = [];
		for (let round = 0; round < 2; round++) {
			const p = await load(viaProxy, connections, durationMs / 2);
			const g = await load(viaGraphql, connections, durationMs / 2);
			rounds.push({ p, g });
		}
		const merge = (runs: Awaited<ReturnType<typeof load>>[]) => ({
			rps: runs.reduce((s, r) => s + r.rps, 0) / runs.length,
			p50: runs.reduce((s, r) => s + r.p50, 0) / runs.length,
			p99: Math.max(...runs.map((r) => r.p99)),
			errors: runs.reduce((s, r) => s + r.errors, 0),
			requests: runs.reduce((s, r) => s + r.requests, 0),
		});
		const p = merge(rounds.map((r) => r.p));
		const g = merge(rounds.map((r) => r.g));
		const row = (name: string, r: typeof p) => `  ${name.padEnd(10)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   (${r.requests} requests, ${r.errors} errors)`;
		out(row('proxy', p));
		out(row('graphql', g));
		out(`  graphql / proxy: ${((100 * g.rps) / p.rps).toFixed(1)}% of the requests per second (goal ≥ 90%), p99 ${(g.p99 / p.p99).toFixed(2)}× (goal ≤ 1.2×)`);

		await uploads(out, emulator.baseUrls.aisolution, emulator.credentials.token, keyHash, options.uploads ?? 50, children);
	} finally {
		await Promise.all(children.map((c) => c.close()));
		await emulator.close();
	}
}

/** Peak RSS of a fresh GraphQL server process while `count` clients each upload a 2 MB image at once. */
async function uploads(out: Out, baseUrl: string, token: string, keyHash: string, count: number, children: Child[]) {
	const server = await startChild(
		GRAPHQL_MAIN,
		{
			PORT: '0',
			AISOLUTION_TOKEN: token,
			AISOLUTION_BASE_URL: baseUrl,
			API_KEYS: JSON.stringify([{ name: 'bench', sha256: keyHash, budgetPerDay: 100_000_000, ratePerMinute: 100_000_000 }]),
			NODE_ENV: 'production',
			LOG_LEVEL: 'info',
			LIMIT_MAX_VENDOR_CALLS: '10',
		},
		/"graphql":"(http:\/\/[^"]+)\/graphql"/,
	);
	children.push(server);
	const before = server.peakRss();
	// Just under the vendor's 2 MB limit, so every upload is checked, encoded and sent on.
	const images = Array.from({ length: count }, (_, i) => makeJpeg(1600, 1200, { padToBytes: 2 * 1024 * 1024 - 1024 - i }));
	const started = performance.now();
	const results = await Promise.all(
		images.map(async (bytes) => {
			const form = new FormData();
			form.append('operations', JSON.stringify({ query: QUERY, variables: { i: { upload: null } } }));
			form.append('map', JSON.stringify({ 0: ['variables.i.upload'] }));
			form.append('0', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'card.jpg');
			const response = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${BENCH_KEY}`, 'x-graphql-yoga-csrf': '1' } });
			const body = (await response.json()) as { data?: { readDocument: { __typename: string } } };
			return body.data?.readDocument.__typename;
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	const ok = results.filter((t) => t === 'GermanIdCard').length;
	const peak = server.peakRss();
	out(`${count} concurrent 2 MB multipart uploads through GraphQL: ${ok}/${count} read in ${seconds.toFixed(1)} s; server peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (idle ${(before / 1024 / 1024).toFixed(0)} MB; goal < 400 MB)`);
}

if (require.main === module) {
	benchGraphql((line) => console.log(line)).then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
