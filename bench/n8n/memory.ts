import { spawn } from 'node:child_process';
import path from 'node:path';

const SIZES = [250, 500, 1000];
const IMAGE_BYTES = 150 * 1024;
const MB = 1024 * 1024;

interface Memory {
	rss: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
}

interface ChildResult {
	count: number;
	wallMs: number;
	nodeMs: number;
	itemsOut: number;
	calls: number;
	error: string | null;
	baseline: Memory;
	/** Within the OCR node's execution; liveHeap = heap right after a forced full GC (sampled every 500 ms). */
	peak: Memory & { liveHeap: number };
	/** heapUsed peak over the whole workflow, the input node making the images included. */
	wholeRunPeakHeap: number;
	liveSamples: number;
	retained: Memory;
	outputJsonBytes: number;
}

function measureIn(count: number): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'memoryChild.js'), String(count), String(IMAGE_BYTES)], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.once('error', reject);
		child.once('exit', (code) => {
			const line = out.trim().split('\n').pop() ?? '';
			if (code !== 0 || !line.startsWith('{')) reject(new Error(`memory child for ${count} items exited with ${code}: ${out.slice(-500)}`));
			else resolve(JSON.parse(line) as ChildResult);
		});
	});
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The memory goal for n8n (docs/benchmarks.md): a 1,000-item batch does not grow memory with the item count beyond the
 * binary data itself. Each size runs in a fresh process (same warm-up, same baseline), so the figures
 * compare; the growth per item is the slope between the smallest and the largest batch.
 */
export async function benchN8nMemory(out: (line: string) => void): Promise<void> {
	out(
		`setup: Input (a distinct ${IMAGE_BYTES / 1024} KB JPEG per item, n8n binary data in filesystem mode) → ID Document OCR (deIdCard, defaults),`,
	);
	out(`  real WorkflowExecute run against the emulator (own process, zero latency); each batch size in a fresh node --expose-gc process.`);
	out(`  Baseline: after two 50-item warm-up runs and a full GC. During the OCR node's execution (n8n's startTime + executionTime):`);
	out(`  heapUsed / RSS sampled every 5 ms (garbage included), and the live heap right after a forced full GC every 500 ms.`);
	out(`  Retained: after a full GC once the run has finished, its result still held. (Negative: below the baseline.)`);
	const results: ChildResult[] = [];
	for (const count of SIZES) {
		const r = await measureIn(count);
		results.push(r);
		const over = (value: number, key: keyof Memory) => mb(value - r.baseline[key]);
		out(
			`  ${String(count).padStart(4)} items: OCR node ${(r.nodeMs / 1000).toFixed(2)} s, ${r.itemsOut} items out, ${r.calls} vendor calls${r.error ? `, ERROR ${r.error}` : ''}; binary data ${mb(count * IMAGE_BYTES)} (on disk)`,
		);
		out(
			`        over baseline (heap ${mb(r.baseline.heapUsed)}, RSS ${mb(r.baseline.rss)}): live heap peak ${over(r.peak.liveHeap, 'heapUsed')} (${r.liveSamples} samples), ` +
				`heapUsed peak ${over(r.peak.heapUsed, 'heapUsed')}, RSS peak ${over(r.peak.rss, 'rss')}, arrayBuffers peak ${over(r.peak.arrayBuffers, 'arrayBuffers')}; retained heap ${over(r.retained.heapUsed, 'heapUsed')}`,
		);
		out(
			`        whole run (input node making the images included): heapUsed peak ${over(r.wholeRunPeakHeap, 'heapUsed')}; output json ${mb(r.outputJsonBytes)} (${kb(r.outputJsonBytes / count)} per item)`,
		);
	}
	const first = results[0];
	const last = results[results.length - 1];
	const slope = (pick: (r: ChildResult) => number) => (pick(last) - pick(first)) / (last.count - first.count);
	const live = slope((r) => r.peak.liveHeap - r.baseline.heapUsed);
	const retained = slope((r) => r.retained.heapUsed - r.baseline.heapUsed);
	const heapUsed = slope((r) => r.peak.heapUsed - r.baseline.heapUsed);
	const rss = slope((r) => r.peak.rss - r.baseline.rss);
	out(
		`  growth per extra item (${first.count} → ${last.count} items): live heap peak ${kb(live)}, retained heap ${kb(retained)}; heapUsed peak ${kb(heapUsed)}, RSS peak ${kb(rss)} (garbage included); image ${kb(IMAGE_BYTES)}`,
	);
	const ok = Math.max(live, retained) < IMAGE_BYTES;
	out(`  goal (live and retained memory grow per item by less than the binary data per item): ${ok ? 'MET' : 'MISSED'}`);
}
