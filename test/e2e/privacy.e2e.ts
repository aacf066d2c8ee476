import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputItems } from '../../scripts/n8n/executions';
import { OCR_BRANCHES } from '../../nodes/IdDocumentOcr/actions/read.operation';
import { builtDescription, describeIf, findParameter, setParameter } from './features';
import { branch, callWebhook, useRealN8n } from './realN8n';
import { ANNA_CARD, cardPhoto } from './sampleCards';
import { idverifyNode, workflow, type NodeJson } from './workflowBuilder';

/**
 * What n8n keeps of one OCR execution with the privacy options on (keep the image: no, the vendor's raw answer:
 * no, personal numbers: masked), read back from n8n's own database (SQLite by default, PostgreSQL in queue mode).
 * The photo arrives as an upload to a production webhook, as it would from a form, so the only copy of the card's
 * number is what the OCR node outputs. The test prints what the database holds, for the release notes.
 */

const ocr = builtDescription('idDocumentOcr');
const keepImage = findParameter(ocr, /keep.*image/i);
const includeRaw = findParameter(ocr, /raw answer/i);
const personalNumbers = findParameter(ocr, /personal numbers/i);
const masked = personalNumbers?.property.options?.find((option) => /mask/i.test(option.name))?.value;
const available = !!keepImage && !!includeRaw && !!personalNumbers && masked !== undefined;

const PATH = 'idv-e2e-private-upload';
const upload: NodeJson = {
	id: '00000000-0000-4000-8000-00000000ee0f',
	name: 'Upload (POST)',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	parameters: { httpMethod: 'POST', path: PATH, responseMode: 'onReceived', options: {} },
	webhookId: '00000000-0000-4000-8000-00000000ee01',
};

function privateRead() {
	let parameters: Record<string, unknown> = { country: 'DE', document: 'ID_CARD', binaryPropertyName: 'photo', options: {} };
	if (available && keepImage && includeRaw && personalNumbers) {
		parameters = setParameter(parameters, keepImage, false);
		parameters = setParameter(parameters, includeRaw, false);
		parameters = setParameter(parameters, personalNumbers, masked);
	}
	return workflow(
		'idvE2ePrivateOcr',
		'e2e: OCR with the privacy options on',
		[upload, idverifyNode('ID Document OCR', 'idDocumentOcr', parameters)],
		[['Upload (POST)', 0, 'ID Document OCR']],
	);
}

const describePrivacy = describeIf(
	available,
	'ID Document OCR in dist/ lacks the privacy options (Keep the Image, Include the Raw Answer, Personal Numbers: masked): the privacy read-back e2e test did not run',
);
const real = available
	? useRealN8n('privacy', { workflows: () => [privateRead()], server: true, publish: ['idvE2ePrivateOcr'] })
	: undefined;
const photo = cardPhoto.valid('private');

function countFiles(dir: string): number {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { withFileTypes: true }).reduce(
		(sum, entry) => sum + (entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1),
		0,
	);
}

describePrivacy("what n8n's database holds for one OCR execution with the privacy options on", () => {
	let stored = '';
	let executionId = 0;
	beforeAll(async () => {
		if (!real) return;
		const before = real.n8n.database.lastExecutionId();
		const form = new FormData();
		form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'id-card.png');
		const response = await callWebhook(`${real.webhookOrigin}/webhook/${PATH}`, { method: 'POST', body: form });
		expect(response.status).toBe(200);
		const [execution] = await real.waitForExecutions('idvE2ePrivateOcr', { afterId: before, timeoutMs: 120_000 });
		expect(execution.status).toBe('success');
		executionId = execution.id;
		stored = real.n8n.database.rawExecutionData(execution.id) ?? '';
		const [item] = outputItems(execution, 'ID Document OCR', branch(OCR_BRANCHES, 'Recognized'));
		// The uploaded photo itself is n8n's (the Webhook node's) until executions are pruned: shown, not asserted.
		// n8n 2.x keeps binary data under .n8n/storage, 1.x under .n8n/binaryData.
		const binaryFolders = ['storage', 'binaryData'].map((name) => join(real.n8n.userFolder, '.n8n', name));
		console.log(
			[
				`e2e privacy (${real.mode} mode, ${real.n8n.database.kind}): execution ${execution.id} stores ${stored.length} characters of data`,
				`  the OCR item's fields: ${Object.keys(item?.json ?? {}).join(', ')}`,
				`  its binary properties: ${Object.keys(item?.binary ?? {}).join(', ') || 'none'}`,
				`  its document: ${JSON.stringify((item?.json as { document?: unknown } | undefined)?.document ?? null)}`,
				`  binary files n8n keeps in the database: ${JSON.stringify(real.n8n.database.binaryFiles())}`,
				`  binary files n8n keeps on disk (${binaryFolders.join(', ')}): ${binaryFolders.reduce((sum, dir) => sum + countFiles(dir), 0)}`,
			].join('\n'),
		);
	}, 300_000);

	test('the read is Recognized (checks ran on the full number before masking)', () => {
		expect(stored).not.toBe('');
		expect(stored).toMatch(/Recognized/);
	});

	test('no full ID number anywhere in the stored execution; the masked one keeps the last four characters', () => {
		expect(stored).not.toContain(ANNA_CARD.documentNumber);
		expect(stored).toContain(ANNA_CARD.documentNumber.slice(-4));
	});

	test('no image bytes and no raw vendor answer in the OCR output', () => {
		const base64 = photo.toString('base64');
		expect(stored).not.toContain(base64.slice(0, 60));
		expect(stored).not.toContain(photo.toString('latin1').slice(0, 40));
		// The vendor's own field names (the raw answer) do not appear; the canonical document does.
		expect(stored).not.toMatch(/"CardNumber"|"DateOfExpiry"|"GivenNames"/);
		expect(executionId).toBeGreaterThan(0);
	});
});

describePrivacy('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real?.packageErrors()).toEqual([]);
	});
});
