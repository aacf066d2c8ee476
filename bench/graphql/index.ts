import { createHash } from 'crypto';
import { cpus, loadavg } from 'os';
import { descendantRunning, processCpuMs } from '../children';
import { makeJpeg } from '../support/images';
import { startEmulatorProcess } from '../emulatorProcess';
import { percentile } from '../stats';
import { load, type LoadRun } from './load';
import { GRAPHQL_MAIN, PROXY_MAIN, startChild, type Child } from './processes';

type Out = (line: string) => void;

const BENCH_KEY = 'bench-key';
const QUERY =
	'query($i: ImageInput!) { readDocument(document: DE_ID_CARD, image: $i) { __typename ... on IdDocument { documentNumber fullName dateOfBirth dateOfExpiry } ... on Problem { code message } } }';
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
	/** The slices run at each vendor latency. */
	runs: Map<number, LoadRun[]>;
}

/** The vendor latencies compared: none, a fast vendor, and the docs' "about 2 s" for an OCR call under 200 KB. */
const LATENCIES_MS = [0, 250, 2000];
/** Each slice lasts long enough for many answers at its latency, after a warm-up of its own. */
const SLICE_MS: Record<number, number> = { 0: 3000, 250: 3000, 2000: 8000 };
/**
 * Each slice starts with every connection sending at once to a target that sat idle through the other's slice;
 * that burst (measured: 1–2 s answers for a few dozen requests, through either target, even straight to the
 * emulator) would decide a p99, so the first second of each slice is not measured, for either target.
 */
const SLICE_WARMUP_MS = 1000;

/** How busy the machine is: printed with each figure, since other work on it skews them all. */
const machineLoad = () =>
	`load ${loadavg()
		.map((x) => x.toFixed(2))
		.join('/')}`;

/**
 * Issues 5 and 11's benchmark. The OCR query through the GraphQL server next to a plain Node HTTP proxy making the
 * same vendor call (deIdCard, 150 KB JPEG, all on loopback, every server and the emulator in a process of its own,
 * the load generator in this one), at 0, 250 and 2,000 ms of vendor latency, interleaved: each round runs every
 * latency, each target in turn, so load from elsewhere on the machine hits all alike. Then the server's peak RSS
 * while 50 clients upload 2 MB images at once, 3 runs. Goals: ≥ 90% of the proxy's requests per second and p99
 * ≤ 1.2× the proxy's at each latency, peak RSS < 400 MB in every run.
 */
export async function benchGraphql(
	out: Out,
	options: { connections?: number; rounds?: number; uploads?: number; uploadRuns?: number; jsonClients?: number } = {},
): Promise<void> {
	const connections = options.connections ?? 50;
	// Five rounds: with three, the ratio at 0 ms moved by ±3 points from run to run on a 2-core machine.
	const rounds = options.rounds ?? 5;
	const emulator = await startEmulatorProcess();
	const children: Child[] = [];
	try {
		const { token } = emulator.credentials;
		const base = emulator.baseUrls.aisolution;
		const graphql = await startChild(GRAPHQL_MAIN, graphqlEnv(base, token), GRAPHQL_READY);
		children.push(graphql);
		const fetchProxy = await startChild(
			PROXY_MAIN,
			{ PORT: '0', PROXY_MODE: 'fetch', VENDOR_BASE_URL: base, VENDOR_TOKEN: token },
			PROXY_READY,
		);
		children.push(fetchProxy);

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
			{
				name: 'proxy (fetch)',
				process: fetchProxy,
				runs: new Map(),
				send: () => post(`${fetchProxy.url}/`, proxyBody, {}, (a: { status?: string }) => a.status === 'OK'),
			},
			{
				name: 'graphql',
				process: graphql,
				runs: new Map(),
				send: () =>
					post(
						`${graphql.url}/graphql`,
						graphqlBody,
						{ authorization: `Bearer ${BENCH_KEY}` },
						(a: { data?: { readDocument?: { __typename?: string } } }) => a.data?.readDocument?.__typename === 'GermanIdCard',
					),
			},
		];
		for (const target of targets) await target.send(); // fail fast if the setup is wrong
		const emulatorPid = descendantRunning('emulator/main.js');
		const emulatorCpu = () => (emulatorPid ? processCpuMs(emulatorPid) : NaN);

		out(`setup: loopback only; the emulator (AI Solution deIdCard), each server and this load generator in processes of their own`);
		out(
			`  image: ${(image.length / 1024).toFixed(0)} KB JPEG, sent as base64 in a JSON body (${(graphqlBody.length / 1024).toFixed(0)} KB to GraphQL, ${(proxyBody.length / 1024).toFixed(0)} KB to the proxy)`,
		);
		out(
			`  graphql: dist/graphql/src/main.js, NODE_ENV=production LOG_LEVEL=info, vendor mode (AISOLUTION_BASE_URL = the emulator), one API key (auth, rate and budget checked per request), CSRF plugin, default limits`,
		);
		out(`    query: ${QUERY}`);
		out(`  proxy (fetch): node:http server; parses the JSON, sends img=<base64> with fetch, passes the vendor's JSON back`);
		const sliceText = LATENCIES_MS.map((latency) => `${SLICE_MS[latency] / 1000} s at ${latency} ms`).join(', ');
		out(
			`  load: ${connections} closed-loop connections (fetch, keep-alive); ${rounds} rounds, each a slice per latency per target (${sliceText}), targets in turn; a 2 s warm-up each, and the first ${SLICE_WARMUP_MS / 1000} s of every slice unmeasured (the burst of ${connections} connections starting at once); each answer checked`,
		);
		for (const target of targets) await load(target.send, connections, 2000);
		for (let round = 0; round < rounds; round++) {
			for (const latency of LATENCIES_MS) {
				await emulator.setFaults({ latencyMs: latency });
				// Rotate the order so no target always runs first (or last) in a slice.
				for (let i = 0; i < targets.length; i++) {
					const target = targets[(i + round) % targets.length];
					const meters = { server: target.process.cpuMs, emulator: emulatorCpu };
					const run = await load(target.send, connections, SLICE_MS[latency], meters, SLICE_WARMUP_MS);
					target.runs.set(latency, [...(target.runs.get(latency) ?? []), run]);
				}
			}
		}
		await emulator.setFaults({});
		const stats = (runs: LoadRun[]) => {
			const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
			const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
			return {
				rps: latencies.length / seconds,
				perSlice: runs.map((run) => (run.requests / run.seconds).toFixed(0)).join(' / '),
				p50: percentile(latencies, 50),
				p99: percentile(latencies, 99),
				requests: latencies.length,
				errors: runs.reduce((sum, run) => sum + run.errors, 0),
				firstError: runs.find((run) => run.firstError)?.firstError ?? null,
				cpuPerRequest: runs.reduce((sum, run) => sum + run.serverCpuMs, 0) / latencies.length,
			};
		};
		for (const latency of LATENCIES_MS) {
			out(`\n  vendor latency ${latency} ms (${machineLoad()}; ${cpus().length} CPUs shared by these processes and whatever else runs):`);
			const [proxy, server] = targets.map((target) => stats(target.runs.get(latency) ?? []));
			for (const [target, s] of [
				[targets[0], proxy],
				[targets[1], server],
			] as const) {
				const errors = `${s.errors} errors${s.firstError ? ` (${s.firstError})` : ''}`;
				out(
					`    ${target.name.padEnd(14)} ${s.rps.toFixed(1).padStart(6)} req/s (slices ${s.perSlice})   p50 ${s.p50.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   server CPU ${s.cpuPerRequest.toFixed(2)} ms/request   ${s.requests} requests, ${errors}`,
				);
			}
			const share = server.rps / proxy.rps;
			const p99 = server.p99 / proxy.p99;
			out(
				`    graphql / proxy: ${(100 * share).toFixed(1)}% of its requests per second (goal ≥ 90%: ${share >= 0.9 ? 'MET' : 'MISSED'}), p99 ${p99.toFixed(2)}× (goal ≤ 1.2×: ${p99 <= 1.2 ? 'MET' : 'MISSED'})`,
			);
		}

		await uploads(out, base, token, options.uploads ?? 50, options.uploadRuns ?? 3, children);
		await emulator.setFaults({ latencyMs: 2000 });
		await jsonFlood(out, base, token, options.jsonClients ?? 400, options.uploadRuns ?? 3, children);
	} finally {
		await Promise.all(children.map((c) => c.close()));
		await emulator.close();
	}
}

/** Peak RSS of a fresh GraphQL server process (as `npm start` runs it) while `count` clients each upload a 2 MB image at once. */
async function uploads(out: Out, baseUrl: string, token: string, count: number, runs: number, children: Child[]) {
	// Just under the vendor's 2 MB limit, so every upload is checked, encoded and sent on.
	const images = Array.from({ length: count }, (_, i) => makeJpeg(1600, 1200, { padToBytes: 2 * MB - 1024 - i }));
	out(
		`\n${count} concurrent 2 MB multipart uploads (${((count * images[0].length) / MB).toFixed(0)} MB of images), readDocument each, emulator at zero latency, ${runs} runs, each a fresh GraphQL server process (same settings):`,
	);
	const upload = (url: string, i: number) => {
		const form = new FormData();
		form.append('operations', JSON.stringify({ query: QUERY, variables: { i: { upload: null } } }));
		form.append('map', JSON.stringify({ 0: ['variables.i.upload'] }));
		form.append('0', new Blob([new Uint8Array(images[i])], { type: 'image/jpeg' }), 'card.jpg');
		return fetch(url, { method: 'POST', body: form, headers: { authorization: `Bearer ${BENCH_KEY}`, 'x-graphql-yoga-csrf': '1' } });
	};
	await peakRssRuns(out, graphqlEnv(baseUrl, token), { count, runs, goalMb: 400 }, children, upload);
}

/**
 * Peak RSS of a fresh server while `count` clients each send a 150 KB image as base64 in JSON at once, the vendor
 * answering after 2 s: the JSON bodies share the upload budget, so memory stays bounded however many clients come.
 */
async function jsonFlood(out: Out, baseUrl: string, token: string, count: number, runs: number, children: Child[]) {
	const query = 'query($i: ImageInput!) { readDocument(document: DE_ID_CARD, image: $i) { __typename } }';
	const bodies = Array.from({ length: count }, (_, i) =>
		JSON.stringify({ query, variables: { i: { base64: makeJpeg(1200, 800, { padToBytes: 150 * 1024 - i }).toString('base64') } } }),
	);
	out(
		`\n${count} concurrent 150 KB base64 JSON requests (${((count * bodies[0].length) / MB).toFixed(0)} MB of bodies), readDocument each, vendor latency 2,000 ms, ${runs} runs, each a fresh GraphQL server process (same settings):`,
	);
	const post = (url: string, i: number) =>
		fetch(url, { method: 'POST', body: bodies[i], headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' } });
	await peakRssRuns(out, graphqlEnv(baseUrl, token), { count, runs }, children, post);
}

/** Each run: a fresh server, `count` requests sent at once (each must read the card), then its peak RSS. */
async function peakRssRuns(
	out: Out,
	env: Record<string, string>,
	{ count, runs, goalMb }: { count: number; runs: number; goalMb?: number },
	children: Child[],
	send: (url: string, i: number) => Promise<Response>,
) {
	for (let run = 1; run <= runs; run++) {
		const server = await startChild(GRAPHQL_MAIN, env, GRAPHQL_READY);
		children.push(server);
		const idle = server.rss();
		const started = performance.now();
		const results = await Promise.all(
			Array.from({ length: count }, async (_, i) => {
				const response = await send(`${server.url}/graphql`, i);
				const body = (await response.json()) as { data?: { readDocument: { __typename: string } } };
				return body.data?.readDocument.__typename;
			}),
		);
		const seconds = (performance.now() - started) / 1000;
		const ok = results.filter((t) => t === 'GermanIdCard').length;
		const peak = server.peakRss();
		const goal = goalMb ? `; goal < ${goalMb} MB: ${peak < goalMb * MB ? 'MET' : 'MISSED'}` : '';
		out(
			`  run ${run}: ${ok}/${count} read in ${seconds.toFixed(1)} s; server peak RSS (VmHWM) ${(peak / MB).toFixed(0)} MB, ${(idle / MB).toFixed(0)} MB before${goal} (${machineLoad()})`,
		);
		await server.close();
		children.splice(children.indexOf(server), 1);
	}
}
