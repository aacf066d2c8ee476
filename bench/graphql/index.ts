import { createHash } from 'crypto';
import { cpus } from 'os';
import { descendantRunning, processCpuMs } from '../children';
import { makeJpeg } from '../support/images';
import { startEmulatorProcess } from '../emulatorProcess';
import { percentile } from '../stats';
import { load, type LoadRun } from './load';
import { GRAPHQL_MAIN, PROXY_MAIN, startChild, type Child } from './processes';

type Out = (line: string) => void;

const BENCH_KEY = 'bench-key';
const QUERY = 'query($i: ImageInput!) { readDocument(document: DE_ID_CARD, image: $i) { __typename ... on IdDocument { documentNumber fullName dateOfBirth dateOfExpiry } ... on Problem { code message } } }';
const MB = 1024 * 1024;

/** The GraphQL server as `npm start` runs it in production, pointed at the emulator as if it were AI Solution. */
function graphqlEnv(emulatorBase: string, token: string): Record<string, string> {
	const keyHash = createHash('sha256').update(BENCH_KEY).digest('hex');
	return {
		PORT: '0',
		AISOLUTION_TOKEN: token,
		AISOLUTION_BASE_URL: emulatorBase,
		// One key whose budget and rate never refuse a benchmark request (both are still checked per request).
		API_KEYS: JSON.stringify([{ name: 'bench', sha256: keyHash, budgetPerDay: 100_000_000, ratePerMinute: 100_000_000 }]),
		NODE_ENV: 'production',
		LOG_LEVEL: 'info',
	};
}
const GRAPHQL_READY = /"graphql":"(http:\/\/[^"]+)\/graphql"/;
const PROXY_READY = /proxy on (http:\/\/\S+)/;

interface Target {
	name: string;
	process: Child;
	send: () => Promise<void>;
	runs: LoadRun[];
}

/**
 * Issue 5's benchmark. The OCR query through the GraphQL server next to plain Node HTTP proxies making the
 * same vendor call (deIdCard, 150 KB JPEG, emulator at zero latency, all on loopback, every server and the
 * emulator in a process of its own, the load generator in this one); then the server's peak RSS while 50
 * clients upload 2 MB images at once. Goals: ≥ 90% of the proxy's requests per second, p99 ≤ 1.2× the
 * proxy's, peak RSS < 400 MB.
 */
export async function benchGraphql(out: Out, options: { connections?: number; durationMs?: number; rounds?: number; uploads?: number } = {}): Promise<void> {
	const connections = options.connections ?? 10;
	const durationMs = options.durationMs ?? 10_000;
	// Short slices, targets in turn: load from elsewhere on the machine then hits every target alike.
	const rounds = options.rounds ?? 5;
	const emulator = await startEmulatorProcess();
	const children: Child[] = [];
	try {
		const { token } = emulator.credentials;
		const base = emulator.baseUrls.aisolution;
		const graphql = await startChild(GRAPHQL_MAIN, graphqlEnv(base, token), GRAPHQL_READY);
		children.push(graphql);
		const fetchProxy = await startChild(PROXY_MAIN, { PORT: '0', PROXY_MODE: 'fetch', VENDOR_BASE_URL: base, VENDOR_TOKEN: token }, PROXY_READY);
		children.push(fetchProxy);
		const coreProxy = await startChild(PROXY_MAIN, { PORT: '0', PROXY_MODE: 'core', VENDOR_BASE_URL: base, VENDOR_TOKEN: token }, PROXY_READY);
		children.push(coreProxy);

		const image = makeJpeg(1200, 800, { padToBytes: 150 * 1024 });
		const base64 = image.toString('base64');
		const graphqlBody = JSON.stringify({ query: QUERY, variables: { i: { base64 } } });
		const proxyBody = JSON.stringify({ base64 });
		const post = async (url: string, body: string, headers: Record<string, string>, ok: (answer: never) => boolean) => {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			const answer = (await response.json()) as never;
			if (response.status !== 200 || !ok(answer)) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`);
		};
		const targets: Target[] = [
			{ name: 'proxy (fetch)', process: fetchProxy, runs: [], send: () => post(`${fetchProxy.url}/`, proxyBody, {}, (a: { status?: string }) => a.status === 'OK') },
			{ name: 'proxy (core)', process: coreProxy, runs: [], send: () => post(`${coreProxy.url}/`, proxyBody, {}, (a: { outcome?: string }) => a.outcome === 'success') },
			{
				name: 'graphql',
				process: graphql,
				runs: [],
				send: () =>
					post(`${graphql.url}/graphql`, graphqlBody, { authorization: `Bearer ${BENCH_KEY}` }, (a: { data?: { readDocument?: { __typename?: string } } }) => a.data?.readDocument?.__typename === 'GermanIdCard'),
			},
		];
		for (const target of targets) await target.send(); // fail fast if the setup is wrong
		const emulatorPid = descendantRunning('emulator/main.js');
		const emulatorCpu = () => (emulatorPid ? processCpuMs(emulatorPid) : NaN);

		const slice = durationMs / rounds;
		out(`setup: loopback only; the emulator (AI Solution deIdCard, zero latency), each server and this load generator in processes of their own`);
		out(`  image: ${(image.length / 1024).toFixed(0)} KB JPEG, sent as base64 in a JSON body (${(graphqlBody.length / 1024).toFixed(0)} KB to GraphQL, ${(proxyBody.length / 1024).toFixed(0)} KB to the proxies)`);
		out(`  graphql: dist/graphql/src/main.js, NODE_ENV=production LOG_LEVEL=info, vendor mode (AISOLUTION_BASE_URL = the emulator), one API key (auth, rate and budget checked per request), CSRF plugin, default limits`);
		out(`    query: ${QUERY}`);
		out(`  proxy (fetch): node:http server; parses the JSON, sends img=<base64> with fetch, passes the vendor's JSON back`);
		out(`  proxy (core):  node:http server; the same call through the core client (scope per request, parse, normalize), answers the CallResult's status, document, checks`);
		out(`  load: ${connections} closed-loop connections (fetch, keep-alive), ${durationMs / 1000} s per target in ${rounds} slices of ${slice / 1000} s, targets in turn each slice, after a 2 s warm-up each; each answer checked`);
		for (const target of targets) await load(target.send, connections, 2000);
		for (let round = 0; round < rounds; round++) {
			// Rotate the order so no target always runs first (or last) in a slice.
			for (let i = 0; i < targets.length; i++) {
				const target = targets[(i + round) % targets.length];
				target.runs.push(await load(target.send, connections, slice, { server: target.process.cpuMs, emulator: emulatorCpu }));
			}
		}
		const stats = (target: Target) => {
			const latencies = target.runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
			const seconds = target.runs.reduce((sum, run) => sum + run.seconds, 0);
			return {
				rps: latencies.length / seconds,
				perSlice: target.runs.map((run) => (run.requests / run.seconds).toFixed(0)).join(' / '),
				p50: percentile(latencies, 50),
				p99: percentile(latencies, 99),
				requests: latencies.length,
				errors: target.runs.reduce((sum, run) => sum + run.errors, 0),
				firstError: target.runs.find((run) => run.firstError)?.firstError ?? null,
				cpuPerRequest: target.runs.reduce((sum, run) => sum + run.serverCpuMs, 0) / latencies.length,
				emulatorCpu: target.runs.reduce((sum, run) => sum + run.emulatorCpuMs, 0) / latencies.length,
				loadCpu: target.runs.reduce((sum, run) => sum + run.loadCpuMs, 0) / latencies.length,
			};
		};
		const [fetchStats, coreStats, graphqlStats] = targets.map(stats);
		for (const [target, s] of [[targets[0], fetchStats], [targets[1], coreStats], [targets[2], graphqlStats]] as const) {
			out(
				`  ${target.name.padEnd(14)} ${s.rps.toFixed(1).padStart(6)} req/s (slices ${s.perSlice})   p50 ${s.p50.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   ${s.requests} requests, ${s.errors} errors${s.firstError ? ` (${s.firstError})` : ''}`,
			);
		}
		out(`  CPU per request (ms; the machine has ${cpus().length} CPUs shared by these processes and whatever else runs): server / emulator / load generator`);
		for (const [target, s] of [[targets[0], fetchStats], [targets[1], coreStats], [targets[2], graphqlStats]] as const) {
			out(`    ${target.name.padEnd(14)} ${s.cpuPerRequest.toFixed(2)} / ${s.emulatorCpu.toFixed(2)} / ${s.loadCpu.toFixed(2)}   total ${(s.cpuPerRequest + s.emulatorCpu + s.loadCpu).toFixed(2)}`);
		}
		const against = (baseline: typeof fetchStats, name: string) => {
			const share = graphqlStats.rps / baseline.rps;
			const p99 = graphqlStats.p99 / baseline.p99;
			return `  graphql vs ${name}: ${(100 * share).toFixed(1)}% of its requests per second (goal ≥ 90%: ${share >= 0.9 ? 'MET' : 'MISSED'}), p99 ${p99.toFixed(2)}× (goal ≤ 1.2×: ${p99 <= 1.2 ? 'MET' : 'MISSED'})`;
		};
		out(against(fetchStats, 'proxy (fetch)'));
		out(against(coreStats, 'proxy (core)'));

		await uploads(out, base, token, options.uploads ?? 50, children);
	} finally {
		await Promise.all(children.map((c) => c.close()));
		await emulator.close();
	}
}

/**
 * Peak RSS of a fresh GraphQL server process while `count` clients each upload a 2 MB image at once; then the
 * same with V8's old space capped, which shows how much of the peak is garbage V8 had not collected yet.
 */
async function uploads(out: Out, baseUrl: string, token: string, count: number, children: Child[]) {
	// Just under the vendor's 2 MB limit, so every upload is checked, encoded and sent on.
	const images = Array.from({ length: count }, (_, i) => makeJpeg(1600, 1200, { padToBytes: 2 * MB - 1024 - i }));
	out(`\n${count} concurrent 2 MB multipart uploads (${((count * images[0].length) / MB).toFixed(0)} MB of images), readDocument each, emulator at zero latency, each time a fresh GraphQL server process (same settings):`);
	for (const nodeOptions of ['', '--max-old-space-size=160']) {
		const server = await startChild(GRAPHQL_MAIN, { ...graphqlEnv(baseUrl, token), NODE_OPTIONS: nodeOptions }, GRAPHQL_READY);
		children.push(server);
		const idle = server.rss();
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
		const label = nodeOptions ? `diagnosis, NODE_OPTIONS=${nodeOptions}` : 'as npm start runs it';
		const goal = nodeOptions ? '' : `; goal < 400 MB: ${peak < 400 * MB ? 'MET' : 'MISSED'}`;
		out(`  ${label}: ${ok}/${count} read in ${seconds.toFixed(1)} s; server peak RSS (VmHWM) ${(peak / MB).toFixed(0)} MB, ${(idle / MB).toFixed(0)} MB before the uploads${goal}`);
		await server.close();
		children.splice(children.indexOf(server), 1);
	}
}
