import { readFileSync } from 'node:fs';
import { outputItems, type StoredExecution } from '../../scripts/n8n/executions';
import type { ExecuteResult } from '../../scripts/n8n/instance';
import { OCR_BRANCHES } from '../../nodes/IdDocumentOcr/actions/read.operation';
import { branch, callWebhook, useRealN8n } from './realN8n';
import { cardPhoto, sha256 } from './sampleCards';
import { idverifyNode, manualTrigger, sampleItems, workflow, type NodeJson } from './workflowBuilder';

/**
 * Volume and binary data: 200 ID card photos through one OCR node, and photos uploaded to a production webhook.
 * In queue mode (IDV_N8N_MODE=queue) a worker runs both, so the images must reach it: the 200 come from a Code
 * node on the worker, the uploads are stored by the webhook processor in PostgreSQL (binary-data mode
 * `database`) and read back by the worker. The emulator hashes every image it receives, which shows the exact
 * bytes arrived.
 */

const BATCH = 200;
const KINDS = ['valid', 'expired', 'unreadable'] as const;
const EXPECTED_BRANCH = { valid: 'Recognized', expired: 'Needs review', unreadable: 'Not recognized' } as const;
const kindOf = (index: number) => KINDS[index % KINDS.length];
const batchPhotos = Array.from({ length: BATCH }, (_, index) => cardPhoto[kindOf(index)](`batch-${index}`));
const uploads = Array.from({ length: 3 }, (_, index) => cardPhoto.valid(`upload-${index}`));

const UPLOAD_PATH = 'idv-e2e-upload-id-card';
const uploadTrigger: NodeJson = {
	id: '00000000-0000-4000-8000-00000000cccc',
	name: 'Upload (POST)',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	parameters: { httpMethod: 'POST', path: UPLOAD_PATH, responseMode: 'onReceived', options: {} },
	webhookId: '00000000-0000-4000-8000-00000000dddd',
};

const batch = workflow(
	'idvE2eOcrBatch',
	'e2e: 200 ID cards',
	[
		manualTrigger(),
		sampleItems(
			'ID card photos',
			batchPhotos.map((photo, index) => ({ json: { index, kind: kindOf(index) }, binary: { photo } })),
		),
		idverifyNode('ID Document OCR', 'idDocumentOcr', { country: 'DE', document: 'ID_CARD', binaryPropertyName: 'photo' }),
	],
	[
		['Start', 0, 'ID card photos'],
		['ID card photos', 0, 'ID Document OCR'],
	],
);

const upload = workflow(
	'idvE2eOcrUpload',
	'e2e: ID card uploaded to a webhook',
	[uploadTrigger, idverifyNode('ID Document OCR', 'idDocumentOcr', { country: 'DE', document: 'ID_CARD', binaryPropertyName: 'photo' })],
	[['Upload (POST)', 0, 'ID Document OCR']],
);

const real = useRealN8n('batch', { workflows: () => [batch, upload], server: true, publish: ['idvE2eOcrUpload'] });

/** Every OCR output's items as [output name, input index] (the input item each came from: pairedItem). */
function landings(execution: StoredExecution): Array<[string, number]> {
	return OCR_BRANCHES.flatMap((name, output) =>
		outputItems(execution, 'ID Document OCR', output).map((item): [string, number] => {
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
			return [name, paired?.item ?? Number.NaN];
		}),
	);
}

describe(`${BATCH} ID cards through one OCR node`, () => {
	let run: ExecuteResult;
	let started = 0;
	beforeAll(async () => {
		started = Date.now();
		run = await real.execute('idvE2eOcrBatch');
		console.log(`e2e batch (${real.mode} mode, n8n ${real.version}): ${BATCH} items in ${Date.now() - started} ms`);
	}, 600_000);

	test('the execution succeeds', () => {
		expect({ status: run.execution.status, error: run.execution.error?.message }).toEqual({ status: 'success', error: undefined });
	});

	test('every item lands in exactly one branch, the one its card calls for', () => {
		const landed = landings(run.execution);
		const indexes = landed.map(([, index]) => index).sort((a, b) => a - b);
		expect(indexes).toEqual(Array.from({ length: BATCH }, (_, index) => index));
		const counts: Record<string, number> = {};
		for (const [name, index] of landed) {
			expect([index, name]).toEqual([index, EXPECTED_BRANCH[kindOf(index)]]);
			counts[name] = (counts[name] ?? 0) + 1;
		}
		console.log(`e2e batch (${real.mode} mode): items per branch ${JSON.stringify(counts)}`);
		expect(counts).toEqual({ Recognized: 67, 'Needs review': 67, 'Not recognized': 66 });
	});

	test('the vendor received each of the 200 images once, byte for byte', () => {
		const calls = real.sandbox.emulator.accounting().calls.filter((call) => call.operationId === 'deIdCard');
		const received = calls.map((call) => call.imageSha256).filter((hash): hash is string => hash !== null);
		const sent = batchPhotos.map(sha256);
		expect(new Set(received).size).toBe(BATCH);
		expect(received.filter((hash) => sent.includes(hash)).sort()).toEqual([...sent].sort());
	});

	if (real.mode === 'queue') {
		test('a worker ran it, not the main instance', () => {
			expect(workerRan(run.execution.id)).toBe(true);
		});
	}
});

describe('ID cards uploaded to a production webhook', () => {
	let executions: StoredExecution[];
	beforeAll(async () => {
		const before = real.n8n.database.lastExecutionId();
		for (const [index, photo] of uploads.entries()) {
			const form = new FormData();
			form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), `card-${index}.png`);
			const response = await callWebhook(`${real.webhookOrigin}/webhook/${UPLOAD_PATH}`, { method: 'POST', body: form });
			expect(response.status).toBe(200);
		}
		executions = await real.waitForExecutions('idvE2eOcrUpload', { count: uploads.length, afterId: before, timeoutMs: 120_000 });
	}, 300_000);

	test('each upload is read: Recognized, and the vendor got exactly the uploaded bytes', () => {
		for (const execution of executions) expect(execution.status).toBe('success');
		const recognized = executions.flatMap((execution) => outputItems(execution, 'ID Document OCR', branch(OCR_BRANCHES, 'Recognized')));
		expect(recognized).toHaveLength(uploads.length);
		const received = new Set(real.sandbox.emulator.accounting().calls.map((call) => call.imageSha256));
		for (const photo of uploads) expect(received.has(sha256(photo))).toBe(true);
	});

	if (real.mode === 'queue') {
		test('the webhook processor stored the uploads in PostgreSQL and a worker ran every execution', () => {
			const files = real.n8n.database.binaryFiles();
			console.log(`e2e batch (queue mode): binary files in PostgreSQL by source ${JSON.stringify(files)}`);
			expect(Object.values(files).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(uploads.length);
			for (const execution of executions) expect(workerRan(execution.id)).toBe(true);
		});
	}
});

/**
 * The worker says it took the execution ("Worker started execution 12 (job 3)"). Its "finished" line can come
 * after n8n has already saved the execution as finished, so that one is not waited for.
 */
function workerRan(executionId: number): boolean {
	const queue = real.queue;
	if (!queue) return false;
	const log = readFileSync(queue.processes.worker.logFile, 'utf8');
	return new RegExp(`Worker started execution ${executionId} \\(job`).test(log);
}

describe('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real.packageErrors()).toEqual([]);
	});
});
