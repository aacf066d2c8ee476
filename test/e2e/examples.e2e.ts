import { itemsOf, outputItems, type StoredExecution, type StoredItem } from '../../scripts/n8n/executions';
import type { ExecuteResult } from '../../scripts/n8n/instance';
import { loadWorkflows } from '../../scripts/n8n/sandbox';
import { FACE_BRANCHES } from '../../nodes/FaceMatch/actions/branches';
import { OCR_BRANCHES } from '../../nodes/IdDocumentOcr/actions/read.operation';
import { WHATSAPP_BRANCHES } from '../../nodes/WhatsAppCheck/actions/check.operation';
import { branch, useRealN8n } from './realN8n';

/**
 * The example workflows (examples/n8n) executed by a real n8n 2.41.1 on Node 24 with the packed package
 * installed as a community package, against the vendor emulator and the demo CRM. Each sample item carries
 * an outcome marker, so every output of every idverify node gets the items asserted here.
 */

// "checking" numbers turn final 3 s after the first question; the WhatsApp example asks every second for up to 30 s.
const real = useRealN8n('examples', { workflows: ({ crm }) => loadWorkflows(crm), whatsappCheckingMs: 3000 });

const json = (items: StoredItem[]) => items.map((item) => item.json);
const pairedIndexes = (items: StoredItem[]) =>
	items.map((item) => (Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item));

/** Every input item of a node left on exactly one of its outputs, each output in input order. */
function expectEachItemOnOneOutput(execution: StoredExecution, node: string, outputs: number, inputs: number): void {
	const seen = Array.from({ length: outputs }, (_, output) => pairedIndexes(outputItems(execution, node, output)));
	for (const indexes of seen) expect(indexes).toEqual([...indexes].sort((a, b) => (a ?? 0) - (b ?? 0)));
	expect(seen.flat().sort()).toEqual(Array.from({ length: inputs }, (_, i) => i));
}

function expectStoredSuccess(run: ExecuteResult): void {
	// Judged by the stored execution: n8n 2.41.1's `execute` sometimes crashes on exit after saving it.
	expect({ status: run.execution.status, finished: run.execution.finished, error: run.execution.error?.message }).toEqual({
		status: 'success',
		finished: true,
		error: undefined,
	});
}

describe('ID card from an e-mail → OCR → CRM (examples/n8n/id-card-email-to-crm.json)', () => {
	const node = 'ID Document OCR';
	const out = (name: (typeof OCR_BRANCHES)[number]) => outputItems(run.execution, node, branch(OCR_BRANCHES, name));
	let run: ExecuteResult;
	beforeAll(async () => {
		run = await real.execute('idvOcrEmailToCrm');
	});

	test('the execution succeeds and every e-mail leaves the OCR node on exactly one output, in order', () => {
		expectStoredSuccess(run);
		expectEachItemOnOneOutput(run.execution, node, OCR_BRANCHES.length, 5);
	});

	test('Recognized: the valid German ID card, with its canonical document and passed checks', () => {
		const [item, ...rest] = json(out('Recognized'));
		expect(rest).toEqual([]);
		expect(item).toMatchObject({ verdict: 'Recognized', outcome: 'success', status: 'OK', charged: true, operation: 'deIdCard' });
		expect(item.document).toMatchObject({
			issuingCountry: 'DEU',
			documentNumber: 'T22000129',
			lastName: 'SCHMIDT',
			firstName: 'ANNA',
			dateOfBirth: '1983-08-12',
			dateOfExpiry: '2031-08-01',
		});
		expect(item.checks).toMatchObject({ notExpired: { result: true } });
	});

	test('Needs review: the card that expired in 2019, with the failed check named', () => {
		const [item, ...rest] = json(out('Needs review'));
		expect(rest).toEqual([]);
		expect(item).toMatchObject({ verdict: 'Needs review', outcome: 'success', charged: true });
		expect(item.document).toMatchObject({ lastName: 'MUELLER', dateOfExpiry: '2019-03-01' });
		expect(item.reviewReasons).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'notExpired' })]));
	});

	test('Not recognized: the photo the vendor could not read (FAIL, free)', () => {
		expect(json(out('Not recognized'))).toEqual([expect.objectContaining({ outcome: 'negative', status: 'FAIL', charged: false })]);
	});

	test('Rejected input: the PDF attachment, refused before any vendor call', () => {
		const [item, ...rest] = json(out('Rejected input'));
		expect(rest).toEqual([]);
		expect(item).toMatchObject({ outcome: 'rejectedInput', charged: false });
		// A local check (magic bytes) refused it: no vendor status, nothing sent, nothing paid.
		expect(item).toMatchObject({ status: null, problem: { vendorStatus: null } });
		expect(JSON.stringify(item.problem)).toMatch(/attachment_0/);
	});

	test('Failed: RETRY_LATER on every try ends in Failed with the reason (the node continues on error)', () => {
		const [item, ...rest] = json(out('Failed'));
		expect(rest).toEqual([]);
		expect(item).toMatchObject({ outcome: 'failed', status: 'RETRY_LATER' });
		expect(String(item.error)).toMatch(/RETRY_LATER/);
	});

	test('the demo CRM got the recognized person, the review list the expired card', () => {
		expect(real.sandbox.crm.list('contacts')).toEqual([
			expect.objectContaining({
				email: 'anna.schmidt@example.com',
				firstName: 'ANNA',
				lastName: 'SCHMIDT',
				idDocumentNumber: 'T22000129',
				idVerified: true,
			}),
		]);
		expect(real.sandbox.crm.list('review-list')).toEqual([
			expect.objectContaining({
				email: 'ben.mueller@example.com',
				reasons: expect.arrayContaining([expect.objectContaining({ check: 'notExpired' })]),
			}),
		]);
	});

	test('the follow-up nodes got their e-mails, the sender found through pairedItem', () => {
		// Two outputs lead there, so that node runs once per output: compare without order.
		expect(
			json(itemsOf(run.execution, 'Ask for a clearer photo'))
				.map((item) => item.to)
				.sort(),
		).toEqual(['carla@example.com', 'dan@example.com']);
		expect(json(itemsOf(run.execution, 'Try again later')).map((item) => item.to)).toEqual(['eve@example.com']);
	});
});

describe('Selfie + ID card → Face Match (examples/n8n/selfie-id-card-face-match.json)', () => {
	const node = 'Face Match';
	const out = (name: (typeof FACE_BRANCHES)[number]) => json(outputItems(run.execution, node, branch(FACE_BRANCHES, name)));
	let run: ExecuteResult;
	beforeAll(async () => {
		run = await real.execute('idvSelfieFaceMatch');
	});

	test('the execution succeeds and every applicant leaves Face Match on exactly one output', () => {
		expectStoredSuccess(run);
		expectEachItemOnOneOutput(run.execution, node, FACE_BRANCHES.length, 4);
	});

	test('Same person, Not same person and Not sure carry the similarity and the vendor judgment', () => {
		expect(out('Same person')).toEqual([expect.objectContaining({ verdict: 'Same person', judgedBy: 'vendor', similarity: 97.501 })]);
		expect(out('Not same person')).toEqual([expect.objectContaining({ verdict: 'Not same person', similarity: 27.501 })]);
		expect(out('Not sure')).toEqual([expect.objectContaining({ verdict: 'Not sure', similarity: 50.501 })]);
	});

	test('Failed: no face on the ID card photo, with the reason', () => {
		const [item, ...rest] = out('Failed');
		expect(rest).toEqual([]);
		expect(item).toMatchObject({ outcome: 'rejectedInput', charged: false });
		expect(String(item.error)).toMatch(/FACE_DETECT|face/i);
	});

	test('each decision node got its applicant', () => {
		const decisions = ['Approve', 'Reject', 'Manual review', 'Ask for new photos'].map((name) =>
			json(itemsOf(run.execution, name)).map((item) => `${item.applicationId} ${item.decision}`),
		);
		expect(decisions).toEqual([['A-1001 approved'], ['A-1002 rejected'], ['A-1003 manual review'], ['A-1004 ask for new photos']]);
	});
});

describe('WhatsApp check, waiting for the final answer (examples/n8n/whatsapp-check-wait.json)', () => {
	const node = 'WhatsApp Check';
	const out = (name: string) => json(outputItems(run.execution, node, branch(WHATSAPP_BRANCHES, name)));
	let run: ExecuteResult;
	beforeAll(async () => {
		run = await real.execute('idvWhatsAppWait');
	});

	test('the execution succeeds and every number leaves the node on exactly one output', () => {
		expectStoredSuccess(run);
		expectEachItemOnOneOutput(run.execution, node, WHATSAPP_BRANCHES.length, 5);
	});

	test('Registered and Not registered hold the final answers, including the numbers that were "checking" first', () => {
		expect(out('Registered')).toEqual([
			expect.objectContaining({ number: '+6281387300001', registered: true, final: true }),
			expect.objectContaining({ number: '+6281387300018', registered: true, final: true, polls: expect.any(Number) }),
		]);
		expect(out('Not registered')).toEqual([
			expect.objectContaining({ number: '+6281387300006', registered: false, final: true }),
			expect.objectContaining({ number: '+6281387300068', registered: false, final: true, polls: expect.any(Number) }),
		]);
		const waited = [...out('Registered'), ...out('Not registered')].filter((item) => String(item.number).endsWith('8'));
		for (const item of waited) expect(item.polls).toBeGreaterThan(1);
	});

	test('Checking stays empty: the wait outlasted the vendor; Failed holds the invalid number', () => {
		expect(out('Checking')).toEqual([]);
		const [failed, ...rest] = out('Failed');
		expect(rest).toEqual([]);
		expect(failed).toMatchObject({ status: 'INVALID_INPUT' });
	});

	test('each follow-up node got its customers', () => {
		const channels = ['Send on WhatsApp', 'Send an SMS', 'Check again later', 'Invalid number'].map((name) =>
			json(itemsOf(run.execution, name)).map((item) => item.customerId),
		);
		expect(channels).toEqual([['C-201', 'C-203'], ['C-202', 'C-204'], [], ['C-205']]);
	});
});

describe('the n8n log', () => {
	test('has no error about the package', () => {
		// Runs last: by now n8n has loaded the package for every command above.
		expect(real.packageErrors()).toEqual([]);
	});
});
