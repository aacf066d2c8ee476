import { DEFAULT_RUN_OPTIONS } from '../../nodes/shared/options';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { makeJpeg } from '../support/images';
import { useFilesystemBinaryData } from '../support/n8n/binaryData';
import { countBy, fullAccounting, peakInFlight } from '../accounting';
import { startEmulatorProcess, type RemoteEmulator } from '../emulatorProcess';
import type { Faults } from '../../emulator';
import type { BenchItemsSpec } from './benchItems';
import { accuAuthOcrRequest, aiSolutionOcrRequest } from './httpRequestNode';
import { loadBenchPackage, type BenchPackage } from './nodeTypes';
import { runWorkflow, type BenchNode, type WorkflowResult } from './workflow';

const ITEMS = 200;
const LATENCY_MS = 250;
const IMAGE_BYTES = 150 * 1024;
/** Vendor limits nobody told the node, in requests per second. */
const RATES = [10, 50];
/** Our node's default concurrency: the ideal's divisor. */
const OUR_CONCURRENCY = DEFAULT_RUN_OPTIONS.concurrency;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What one node did in one run: n8n's node time, the items' outcomes, and what the vendor saw and billed. */
interface Measured {
	label: string;
	result: WorkflowResult;
	calls: number;
	charged: number;
	duplicateCharged: number;
	statuses: string;
	peak: number;
}

async function measure(
	pkg: BenchPackage,
	emulator: RemoteEmulator,
	label: string,
	faults: Faults,
	items: BenchItemsSpec,
	node: BenchNode,
): Promise<Measured> {
	await emulator.reset();
	await emulator.setFaults(faults);
	const result = await runWorkflow(pkg, emulator, items, node);
	const accounting = await fullAccounting(emulator);
	return {
		label,
		result,
		calls: accounting.totals.calls,
		charged: accounting.totals.charged,
		duplicateCharged: accounting.totals.duplicateCharged,
		statuses: countBy(accounting.calls, (call) => call.status ?? (call.fault ? `(${call.fault})` : null)),
		peak: peakInFlight(accounting.calls, faults.latencyMs ?? 0),
	};
}

/** The vendor status each output item carries: ours in `status`, the HTTP Request node's in the answer body. */
function itemStatuses(outputs: INodeExecutionData[][]): string {
	const counts = new Map<string, number>();
	for (const item of outputs.flat()) {
		const json = item.json as IDataObject;
		const status = typeof json.status === 'string' ? json.status : json.error ? `error: ${String(json.error).slice(0, 60)}` : 'none';
		counts.set(status, (counts.get(status) ?? 0) + 1);
	}
	return [...counts.entries()].map(([status, n]) => `${status} ${n}`).join(' · ') || 'no items';
}

const OCR_BRANCHES = ['Recognized', 'Needs review', 'Not recognized', 'Rejected input', 'Failed', 'Error output'];
function branches(outputs: INodeExecutionData[][]): string {
	return outputs.map((items, index) => `${OCR_BRANCHES[index] ?? `output ${index}`} ${items.length}`).join(' · ');
}

function row(m: Measured, ideal?: number): string[] {
	const lines = [
		`  ${m.label}`,
		`    node time ${s(m.result.nodeMs)}${ideal ? `   ideal ${s(ideal)}   ratio to ideal ${(m.result.nodeMs / ideal).toFixed(2)}×` : ''}`,
		`    vendor: ${m.calls} calls, ${m.charged} charged (${m.duplicateCharged} duplicate), peak ${m.peak} in flight, effective parallelism ${((m.calls * LATENCY_MS) / m.result.nodeMs).toFixed(1)}; answers: ${m.statuses}`,
		`    items out: ${m.result.outputs.flat().length}; by status: ${itemStatuses(m.result.outputs)}`,
	];
	if (m.result.error) lines.push(`    the run stopped with an error: ${m.result.error.message.slice(0, 160)}`);
	return lines;
}

/** The same calls without n8n: fetch, `concurrency` at once, the core's form body. Node time's floor for this setup. */
async function bareFetchLoop(emulator: RemoteEmulator, concurrency: number): Promise<number> {
	const bodies = Array.from(
		{ length: ITEMS },
		(_, i) =>
			`img=${makeJpeg(1200, 800, { marker: `idv:face=floor-${i}`, padToBytes: IMAGE_BYTES })
				.toString('base64')
				.replace(/\+/g, '%2B')}`,
	);
	await emulator.reset();
	await emulator.setFaults({ latencyMs: LATENCY_MS });
	const url = `${emulator.baseUrls.aisolution}/de_ocr/general?token=${encodeURIComponent(emulator.credentials.token)}`;
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
				const answer = (await response.json()) as { status?: string };
				if (answer.status !== 'OK') throw new Error(`floor loop: the emulator answered ${JSON.stringify(answer).slice(0, 120)}`);
			}
		}),
	);
	return performance.now() - started;
}

const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');

/**
 * Issue 4's benchmark: our ID Document OCR node next to n8n's HTTP Request node making the same calls,
 * in real workflow executions (n8n-core WorkflowExecute), against the emulator in its own process.
 */
export async function benchN8nThroughput(out: (line: string) => void): Promise<void> {
	const [emulator, binary, pkg] = await Promise.all([startEmulatorProcess(), useFilesystemBinaryData(), loadBenchPackage()]);
	try {
		const ours = (parameters: BenchNode['parameters'], onError?: BenchNode['onError']): BenchNode => ({
			type: pkg.type('idDocumentOcr'),
			parameters,
			credentials: ['aiSolutionApi', 'accuAuthApi'],
			...(onError ? { onError } : {}),
		});
		const deCard = ours({ country: 'DE', document: 'ID_CARD' });
		const http = aiSolutionOcrRequest(emulator, 'de_ocr/general');
		const distinct: BenchItemsSpec = { count: ITEMS, distinct: true, bytes: IMAGE_BYTES, base64Json: true };

		out(
			`setup: ${ITEMS} items, each a distinct ${IMAGE_BYTES / 1024} KB JPEG stored by the input node through n8n's binary-data service (filesystem mode) and also as base64 in json.img`,
		);
		out(`  engine: n8n-core WorkflowExecute (root node_modules), workflow "Input → node"; node time = runData executionTime`);
		out(
			`  ours: the built package (dist/) loaded by PackageDirectoryLoader, ID Document OCR, options at their defaults (concurrency ${OUR_CONCURRENCY}, 3 attempts)`,
		);
		out(`  n8n: HTTP Request node v4.5 from n8n-nodes-base ${pkg.nodesBaseVersion} (cached n8n install), options at their defaults`);
		out(`  vendor: the emulator in its own process on 127.0.0.1, reset before every run`);

		// Warm-up: loads and JITs both paths (and the HTTP Request node's lazily required modules); not reported.
		const warm: BenchItemsSpec = { ...distinct, count: 20 };
		await measure(pkg, emulator, 'warm-up', {}, warm, deCard);
		await measure(pkg, emulator, 'warm-up', {}, warm, http);

		// a. Throughput without a vendor rate limit.
		const idealA = (ITEMS * LATENCY_MS) / OUR_CONCURRENCY;
		out(`\na. ${ITEMS} OCR items (deIdCard), emulator latency ${LATENCY_MS} ms, no rate limit`);
		out(`   HTTP Request node: POST ${'form-urlencoded'} img={{ $json.img }} to AI Solution de_ocr/general with ?token=`);
		const a1 = await measure(pkg, emulator, 'ours (ID Document OCR, defaults)', { latencyMs: LATENCY_MS }, distinct, deCard);
		const a2 = await measure(pkg, emulator, "n8n's HTTP Request node (defaults)", { latencyMs: LATENCY_MS }, distinct, http);
		row(a1, idealA).forEach((line) => out(line));
		out(`    branches: ${branches(a1.result.outputs)}`);
		row(a2, (ITEMS * LATENCY_MS) / Math.max(1, a2.peak)).forEach((line) => out(line));
		out(
			`   ideal = items × latency / concurrency = ${ITEMS} × ${LATENCY_MS} ms / ${OUR_CONCURRENCY} = ${s(idealA)} for ours (the HTTP Request node's ideal uses its observed peak in flight)`,
		);
		out(
			`   goal: ours ≤ HTTP Request node (${s(a1.result.nodeMs)} vs ${s(a2.result.nodeMs)}: ${verdict(a1.result.nodeMs <= a2.result.nodeMs)}); ours ≤ 1.2× ideal (${(a1.result.nodeMs / idealA).toFixed(2)}×: ${verdict(a1.result.nodeMs <= 1.2 * idealA)})`,
		);

		// b. Against a vendor rate limit nobody told the node (AccuAuth, 10 and 50 requests per second).
		out(
			`\nb. the same ${ITEMS} items against AccuAuth (idKtpAccuauth, Indonesia) with a rate limit the node is not told (emulator token bucket), latency ${LATENCY_MS} ms`,
		);
		out(
			`   HTTP Request node: POST multipart/form-data file=<binary data> with X-DF-API-ID / X-DF-API-SECRET headers; Options → Response → Never Error on, so every item runs and 403 answers become items`,
		);
		const idCard = { country: 'ID', document: 'ID_CARD', provider: 'idKtpAccuauth' };
		const recognized = (m: Measured) => m.result.outputs.slice(0, 2).flat().length;
		const refused = (m: Measured) => m.calls - m.charged;
		const table: string[] = [
			'   | limit | node | items OK | time | items / limit | ratio | calls | refused by the vendor | duplicate charged |',
			'   |---|---|---|---|---|---|---|---|---|',
		];
		for (const rate of RATES) {
			const limited: Faults = { latencyMs: LATENCY_MS, rateLimit: { accuauth: rate } };
			const ideal = (ITEMS / rate) * 1000;
			const b1 = await measure(
				pkg,
				emulator,
				`${rate}/s: ours at defaults (no rate option; On Error: Continue, so every item is counted)`,
				limited,
				distinct,
				ours(idCard, 'continueRegularOutput'),
			);
			const b2 = await measure(
				pkg,
				emulator,
				`${rate}/s: n8n's HTTP Request node (defaults + Never Error)`,
				limited,
				distinct,
				accuAuthOcrRequest(emulator, 'indonesia', { neverError: true }),
			);
			row(b1, ideal).forEach((line) => out(line));
			out(`    branches: ${branches(b1.result.outputs)}`);
			row(b2).forEach((line) => out(line));
			for (const [name, m, ok] of [
				['ours', b1, recognized(b1)],
				['HTTP Request', b2, b2.charged],
			] as const) {
				table.push(
					`   | ${rate}/s | ${name} | ${ok}/${ITEMS} | ${s(m.result.nodeMs)} | ${s(ideal)} | ${(m.result.nodeMs / ideal).toFixed(2)}× | ${m.calls} | ${refused(m)} | ${m.duplicateCharged} |`,
				);
			}
			out(
				`   goal at ${rate}/s: ours ${recognized(b1)}/${ITEMS} recognized (${verdict(recognized(b1) === ITEMS)}) in ${s(b1.result.nodeMs)} ≤ 1.2 × ${s(ideal)} (${(b1.result.nodeMs / ideal).toFixed(2)}×: ${verdict(b1.result.nodeMs <= 1.2 * ideal)}); duplicate charged ${b1.duplicateCharged}`,
			);
		}
		const capped = await measure(
			pkg,
			emulator,
			`reference: ours with option Requests per Second = ${RATES[0]} (a cap the user typed)`,
			{ latencyMs: LATENCY_MS, rateLimit: { accuauth: RATES[0] } },
			distinct,
			ours({ ...idCard, options: { requestsPerSecond: RATES[0] } }),
		);
		row(capped, (ITEMS / RATES[0]) * 1000).forEach((line) => out(line));
		out('');
		table.forEach((line) => out(line));

		// c. One image in every item: paid calls.
		out(`\nc. ${ITEMS} items of the same image (deIdCard), latency ${LATENCY_MS} ms`);
		const same: BenchItemsSpec = { ...distinct, distinct: false };
		const c1 = await measure(pkg, emulator, 'ours (defaults)', { latencyMs: LATENCY_MS }, same, deCard);
		const c2 = await measure(pkg, emulator, "n8n's HTTP Request node (defaults)", { latencyMs: LATENCY_MS }, same, http);
		row(c1).forEach((line) => out(line));
		row(c2).forEach((line) => out(line));
		out(`   goal: ours 1 paid call (${c1.charged}: ${verdict(c1.charged === 1)}); HTTP Request node ${c2.charged} paid calls`);

		// Where the time goes in a: the setup's own floor, each node's cost per item, and our concurrency default.
		out(`\ndiagnosis for a (same items, same emulator):`);
		const floor = await bareFetchLoop(emulator, OUR_CONCURRENCY);
		out(
			`  floor: a bare fetch loop (no n8n), ${OUR_CONCURRENCY} at once, the same ${ITEMS} form-encoded 150 KB images at ${LATENCY_MS} ms: ${s(floor)} (${(floor / idealA).toFixed(2)}× ideal)`,
		);
		const zeroOurs = await measure(pkg, emulator, 'ours', {}, distinct, deCard);
		const zeroHttp = await measure(pkg, emulator, 'http', {}, distinct, http);
		out(
			`  node time at zero latency (CPU-bound: the cost per item): ours ${s(zeroOurs.result.nodeMs)} = ${(zeroOurs.result.nodeMs / ITEMS).toFixed(1)} ms/item; ` +
				`HTTP Request node ${s(zeroHttp.result.nodeMs)} = ${(zeroHttp.result.nodeMs / ITEMS).toFixed(1)} ms/item (it starts every item's request at once: peak ${a2.peak} in flight in a)`,
		);
		for (const concurrency of [32, 50]) {
			const m = await measure(
				pkg,
				emulator,
				'ours',
				{ latencyMs: LATENCY_MS },
				distinct,
				ours({ country: 'DE', document: 'ID_CARD', options: { concurrency } }),
			);
			const ideal = (ITEMS * LATENCY_MS) / concurrency;
			out(
				`  ours with option Concurrency = ${concurrency}: ${s(m.result.nodeMs)} (ideal ${s(ideal)}, ${(m.result.nodeMs / ideal).toFixed(2)}×; peak ${m.peak} in flight)`,
			);
		}
	} finally {
		await emulator.close();
		binary.dispose();
	}
}
