import { DEFAULT_RUN_OPTIONS } from '../nodes/shared/options';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { branchesByItem } from './support/n8n/branches';
import { useFilesystemBinaryData } from './support/n8n/binaryData';
import type { Faults } from '../emulator';
import { countBy, fullAccounting } from './accounting';
import { startEmulatorProcess } from './emulatorProcess';
import { loadBenchPackage } from './n8n/nodeTypes';
import { runWorkflow } from './n8n/workflow';

const ITEMS = 1000;
const IMAGE_BYTES = 20 * 1024;
const FAULTS: Faults = {
	latencyMs: 20,
	rateLimit: { aisolution: 120 },
	random: { seed: 20240611, probability: { RETRY_LATER: 0.05, '5xx': 0.05, reset: 0.05 } },
};
const BRANCHES = ['Recognized', 'Needs review', 'Not recognized', 'Rejected input', 'Failed'];

/**
 * The reliability goal (docs/benchmarks.md): 1,000 items through the OCR node in a real workflow execution while the
 * vendor answers RETRY_LATER, 5xx pages, connection resets and rate-limit refusals (seeded, so every run
 * injects the same faults for the same request order). Every item must end in exactly one branch, none
 * lost, and no image may be charged twice.
 */
export async function benchReliability(out: (line: string) => void): Promise<void> {
	const [emulator, binary, pkg] = await Promise.all([startEmulatorProcess(), useFilesystemBinaryData(), loadBenchPackage()]);
	try {
		out(
			`setup: ${ITEMS} items, each a distinct ${IMAGE_BYTES / 1024} KB JPEG (n8n binary data, filesystem mode) → ID Document OCR (deIdCard), real WorkflowExecute run`,
		);
		out(
			`  node: options at their defaults (concurrency ${DEFAULT_RUN_OPTIONS.concurrency}, ${DEFAULT_RUN_OPTIONS.attempts} attempts, growing pause with jitter), On Error: Continue (failures to the Failed output)`,
		);
		out(`  emulator (own process): ${JSON.stringify(FAULTS)}`);
		out(`  (AI Solution answers the rate limit with RETRY_LATER, as its docs say; 5xx = an HTML 503 page; reset = the socket destroyed)`);
		await emulator.reset();
		await emulator.setFaults(FAULTS);
		const result = await runWorkflow(
			pkg,
			emulator,
			{ count: ITEMS, distinct: true, bytes: IMAGE_BYTES, base64Json: false },
			{
				type: pkg.type('idDocumentOcr'),
				parameters: { country: 'DE', document: 'ID_CARD' },
				credentials: ['aiSolutionApi'],
				onError: 'continueRegularOutput',
			},
		);
		const accounting = await fullAccounting(emulator);
		out(`  run: node time ${(result.nodeMs / 1000).toFixed(2)} s${result.error ? `; STOPPED WITH AN ERROR: ${result.error.message}` : ''}`);

		// One branch per item (throws on an item on no output, on two outputs, or out of order).
		let branchOf: number[] = [];
		let branchProblem: string | null = null;
		try {
			branchOf = branchesByItem(result.outputs, ITEMS);
		} catch (error) {
			branchProblem = (error as Error).message;
		}
		const perBranch = BRANCHES.map((name, index) => `${name} ${result.outputs[index]?.length ?? 0}`).join(' · ');
		out(`  items out: ${result.outputs.flat().length} of ${ITEMS}; ${perBranch}`);
		out(
			`  every item in exactly one branch, order kept: ${branchProblem ? `NO: ${branchProblem}` : `yes (${branchOf.length} items checked by pairedItem)`}`,
		);

		// Tie each item to its vendor calls by the image's sha256 (the input node's json.sha256).
		const inputs = (result.run.data.resultData.runData.Input?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[];
		const callsByImage = new Map<string, typeof accounting.calls>();
		for (const call of accounting.calls) {
			const list = callsByImage.get(call.imageSha256 ?? '') ?? [];
			list.push(call);
			callsByImage.set(call.imageSha256 ?? '', list);
		}
		const attempts = new Map<number, number>();
		let mismatches = 0;
		let neverSent = 0;
		let failedAfterAllAttempts = 0;
		let failedCharged = 0;
		const items = result.outputs.flat();
		const failedItems = new Set(result.outputs[4] ?? []);
		for (const item of items) {
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
			const index = typeof paired === 'number' ? paired : (paired?.item ?? -1);
			const sha = (inputs[index]?.json as IDataObject | undefined)?.sha256 as string | undefined;
			const calls = (sha && callsByImage.get(sha)) || [];
			if (calls.length === 0) neverSent++;
			attempts.set(calls.length, (attempts.get(calls.length) ?? 0) + 1);
			const chargedCalls = calls.filter((call) => call.charged).length;
			// An item says charged exactly when the vendor billed its image once.
			if ((item.json.charged === true ? 1 : 0) !== chargedCalls) mismatches++;
			if (failedItems.has(item)) {
				if (calls.length === 3) failedAfterAllAttempts++;
				failedCharged += chargedCalls;
			}
		}
		const t = accounting.totals;
		out(
			`  vendor: ${t.calls} requests; faults injected: ${countBy(accounting.calls, (call) => call.fault)}; answers: ${countBy(accounting.calls, (call) => call.status ?? `(${call.fault})`)}`,
		);
		out(
			`  requests per item: ${[...attempts.entries()]
				.sort((a, b) => a[0] - b[0])
				.map(([n, count]) => `${n}× ${count}`)
				.join(' · ')}; items never sent: ${neverSent}`,
		);
		out(
			`  charged: ${t.charged} calls for ${items.filter((item) => item.json.charged === true).length} items that say charged; duplicate charged calls ${t.duplicateCharged}; charged but undelivered ${t.undeliveredCharged}; items whose charge disagrees with the vendor's ${mismatches}`,
		);
		const failedWhy = new Map<string, number>();
		for (const item of result.outputs[4] ?? []) {
			const problem = item.json.problem as IDataObject | undefined;
			const why = String(item.json.status ?? problem?.code ?? 'unknown');
			failedWhy.set(why, (failedWhy.get(why) ?? 0) + 1);
		}
		out(
			`  Failed items, by last answer: ${[...failedWhy.entries()].map(([why, n]) => `${why} ${n}`).join(' · ') || 'none'}; ${failedAfterAllAttempts} of ${failedItems.size} after 3 requests, ${failedCharged} charged`,
		);
		const ok = !branchProblem && !result.error && items.length === ITEMS && t.duplicateCharged === 0 && mismatches === 0;
		out(`  goal (every item in one branch, none lost, zero duplicate charged calls): ${ok ? 'MET' : 'MISSED'}`);
	} finally {
		await emulator.close();
		binary.dispose();
	}
}
