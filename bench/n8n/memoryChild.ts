import { useFilesystemBinaryData } from '../support/n8n/binaryData';
import { startEmulatorProcess } from '../emulatorProcess';
import { loadBenchPackage } from './nodeTypes';
import { runWorkflow } from './workflow';

/**
 * One memory measurement in a fresh process (node --expose-gc memoryChild.js <items> <imageBytes>):
 * baseline after a warm-up run, peak while `Input → ID Document OCR` runs <items> items, and what is
 * still held after a full GC while the run's result is kept. Prints one JSON line.
 */
const LIVE_SAMPLE_MS = 500;
const gc = (globalThis as { gc?: () => void }).gc;

/** Several full GCs: what is left is live. */
function collect() {
	if (!gc) throw new Error('run with node --expose-gc');
	for (let i = 0; i < 6; i++) gc();
	return process.memoryUsage();
}

async function main() {
	const count = Number(process.argv[2]);
	const bytes = Number(process.argv[3]);
	const [emulator, binary, pkg] = await Promise.all([startEmulatorProcess(), useFilesystemBinaryData(), loadBenchPackage()]);
	try {
		const node = { type: pkg.type('idDocumentOcr'), parameters: { country: 'DE', document: 'ID_CARD' }, credentials: ['aiSolutionApi'] };
		// Two warm-up runs load and JIT everything, so the baseline does not include one-off start-up work.
		for (let i = 0; i < 2; i++) await runWorkflow(pkg, emulator, { count: 50, distinct: true, bytes, base64Json: false }, node);
		await emulator.reset();
		const baseline = collect();

		// Timestamped samples, so the peak can be read for the OCR node's own interval (n8n's startTime and
		// executionTime) apart from the input node making the images. Every LIVE_SAMPLE_MS a sample follows a full GC:
		// the live heap, without garbage not yet collected.
		const samples: { at: number; live: boolean; memory: NodeJS.MemoryUsage }[] = [];
		const sampler = setInterval(() => samples.push({ at: Date.now(), live: false, memory: process.memoryUsage() }), 5);
		const liveSampler = setInterval(() => {
			gc!();
			samples.push({ at: Date.now(), live: true, memory: process.memoryUsage() });
		}, LIVE_SAMPLE_MS);
		const started = performance.now();
		const result = await runWorkflow(pkg, emulator, { count, distinct: true, bytes, base64Json: false }, node);
		const wallMs = performance.now() - started;
		clearInterval(sampler);
		clearInterval(liveSampler);
		const ocr = result.run.data.resultData.runData['Under test']?.[0];
		const from = ocr?.startTime ?? 0;
		const to = from + (ocr?.executionTime ?? Infinity);
		const peakOf = (live: boolean, key: 'rss' | 'heapUsed' | 'arrayBuffers') =>
			Math.max(0, ...samples.filter((s) => s.live === live && s.at >= from && s.at <= to).map((s) => s.memory[key]));
		const peak = {
			rss: peakOf(false, 'rss'),
			heapUsed: peakOf(false, 'heapUsed'),
			arrayBuffers: peakOf(false, 'arrayBuffers'),
			liveHeap: peakOf(true, 'heapUsed'),
		};
		const wholeRunPeakHeap = Math.max(...samples.filter((s) => !s.live).map((s) => s.memory.heapUsed));
		const retained = collect();
		const accounting = await emulator.accounting();
		const items = result.outputs.flat();
		const outputJsonBytes = items.reduce((sum, item) => sum + Buffer.byteLength(JSON.stringify(item.json)), 0);
		process.stdout.write(
			`${JSON.stringify({
				count,
				bytes,
				wallMs,
				nodeMs: result.nodeMs,
				itemsOut: items.length,
				calls: accounting.totals.calls,
				error: result.error?.message ?? null,
				baseline: { rss: baseline.rss, heapUsed: baseline.heapUsed, external: baseline.external, arrayBuffers: baseline.arrayBuffers },
				peak,
				wholeRunPeakHeap,
				liveSamples: samples.filter((s) => s.live && s.at >= from && s.at <= to).length,
				retained: { rss: retained.rss, heapUsed: retained.heapUsed, external: retained.external, arrayBuffers: retained.arrayBuffers },
				outputJsonBytes,
			})}\n`,
		);
		// Keep the result referenced until after the measurement above.
		if (result.outputs.length < 0) console.log(result);
	} finally {
		await emulator.close();
		binary.dispose();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
