import { outputItems, type StoredItem } from '../../scripts/n8n/executions';
import type { ExecuteResult } from '../../scripts/n8n/instance';
import { BRANCHES } from '../../nodes/FaceSearch/actions/branches';
import { FACE_BRANCHES } from '../../nodes/FaceMatch/actions/branches';
import { OCR_BRANCHES } from '../../nodes/IdDocumentOcr/actions/read.operation';
import { WHATSAPP_BRANCHES } from '../../nodes/WhatsAppCheck/actions/check.operation';
import { makePng } from '../support/images';
import { branch, useRealN8n } from './realN8n';
import { idverifyNode, manualTrigger, sampleItems, workflow } from './workflowBuilder';

/**
 * What the examples leave out, in the same real n8n: the face store (add → search → delete), AccuAuth behind
 * its credential and base-URL template (Indonesia, Ecuador), "Continue (using error output)", the hand-held
 * ID check with an own threshold, and a WhatsApp check that does not wait.
 */

const png = (marker: string, size = 128) => makePng(size, size, { marker });
const alice = png('idv:face=alice');

const faceStore = workflow(
	'idvE2eFaceStore',
	'e2e: face store',
	[
		manualTrigger(),
		sampleItems('Faces', [
			{ json: { name: 'alice', photoBase64: alice.toString('base64') }, binary: { photo: alice } },
			{ json: { name: 'no face' }, binary: { photo: png('idv:status=FACE_DETECT_FAILED') } },
			{ json: { name: 'vendor down' }, binary: { photo: png('idv:status=RETRY_LATER idv:face=down') } },
		]),
		idverifyNode('Add face', 'faceSearch', { operation: 'add', binaryPropertyName: 'photo' }, { onError: 'continueRegularOutput' }),
		// The face just added, as base64 text this time, found through pairedItem.
		idverifyNode('Search face', 'faceSearch', {
			operation: 'search',
			imageSource: 'base64',
			base64: "={{ $('Faces').item.json.photoBase64 }}",
		}),
		idverifyNode('Delete person', 'faceSearch', { operation: 'delete', personId: '={{ $json.bestMatch.personId }}' }),
		sampleItems('Strangers', [{ json: { name: 'carol' }, binary: { photo: png('idv:face=carol') } }]),
		idverifyNode('Search stranger', 'faceSearch', { operation: 'search', binaryPropertyName: 'photo' }),
		idverifyNode('Delete stranger', 'faceSearch', { operation: 'delete', personId: 'nobody-with-this-id' }),
	],
	[
		['Start', 0, 'Faces'],
		['Faces', 0, 'Add face'],
		['Add face', 0, 'Search face'],
		['Search face', 0, 'Delete person'],
		['Start', 0, 'Strangers'],
		['Strangers', 0, 'Search stranger'],
		['Search stranger', 1, 'Delete stranger'],
	],
);

const accuAuthOcr = workflow(
	'idvE2eAccuAuthOcr',
	'e2e: AccuAuth OCR',
	[
		manualTrigger(),
		sampleItems('KTP photos', [
			{ json: { case: 'readable' }, binary: { data: png('idv:face=siti') } },
			{ json: { case: 'no card found' }, binary: { data: png('idv:status=DETECTION_FAILED') } },
			{ json: { case: 'too small' }, binary: { data: png('idv:face=tiny', 64) } },
			{ json: { case: 'quota used up' }, binary: { data: png('idv:status=OUT_OF_QUOTA') } },
		]),
		idverifyNode(
			'Read KTP (AccuAuth)',
			'idDocumentOcr',
			{ country: 'ID', document: 'ID_CARD', provider: 'idKtpAccuauth', binaryPropertyName: 'data' },
			{ credentials: 'accuAuth', onError: 'continueErrorOutput' },
		),
		sampleItems('Cédula photos', [
			{ json: { side: 'front' }, binary: { data: png('idv:face=maria') } },
			{ json: { side: 'back' }, binary: { data: png('idv:side=back') } },
		]),
		idverifyNode(
			'Read cédula',
			'idDocumentOcr',
			{ country: 'EC', document: 'ID_CARD', detectFace: true, binaryPropertyName: 'data' },
			{ credentials: 'accuAuth' },
		),
	],
	[
		['Start', 0, 'KTP photos'],
		['KTP photos', 0, 'Read KTP (AccuAuth)'],
		['Start', 0, 'Cédula photos'],
		['Cédula photos', 0, 'Read cédula'],
	],
);

const handHeldAndWhatsApp = workflow(
	'idvE2eHandHeldWhatsApp',
	'e2e: hand-held ID and WhatsApp without waiting',
	[
		manualTrigger(),
		sampleItems('Selfies holding the ID', [
			{ json: { case: 'similar' }, binary: { data: png('idv:similarity=85 idv:verdict=NOT_SURE') } },
			{ json: { case: 'vendor says same, score low' }, binary: { data: png('idv:similarity=60 idv:verdict=SAME_PERSON') } },
		]),
		idverifyNode('Hand-held ID check', 'faceMatch', {
			operation: 'handHeldId',
			binaryPropertyName: 'data',
			options: { similarityThreshold: 80 },
		}),
		sampleItems('Numbers', [{ json: { phone: '+62 813 8730 0018' } }, { json: { phone: '+62 813 8730 0001' } }]),
		idverifyNode('WhatsApp Check', 'whatsAppCheck', { number: '={{ $json.phone }}', waitForFinal: 'none' }),
	],
	[
		['Start', 0, 'Selfies holding the ID'],
		['Selfies holding the ID', 0, 'Hand-held ID check'],
		['Start', 0, 'Numbers'],
		['Numbers', 0, 'WhatsApp Check'],
	],
);

const real = useRealN8n('nodes', { workflows: () => [faceStore, accuAuthOcr, handHeldAndWhatsApp] });

const json = (items: StoredItem[]) => items.map((item) => item.json);

function expectStoredSuccess(run: ExecuteResult): void {
	expect({ status: run.execution.status, error: run.execution.error?.message }).toEqual({ status: 'success', error: undefined });
}

describe('Face Search: add → search → delete in a real n8n', () => {
	let run: ExecuteResult;
	const out = (node: string, operation: keyof typeof BRANCHES, name: string) =>
		json(outputItems(run.execution, node, branch(BRANCHES[operation].names, name)));
	beforeAll(async () => {
		run = await real.execute('idvE2eFaceStore');
	});

	test('the execution succeeds', () => expectStoredSuccess(run));

	test('Add face: Added with the person id, Rejected input for no face, Failed when the vendor is down', () => {
		expect(out('Add face', 'add', 'Added')).toEqual([expect.objectContaining({ outcome: 'success', personId: expect.any(String) })]);
		expect(out('Add face', 'add', 'Rejected input')).toEqual([expect.objectContaining({ status: 'FACE_DETECT_FAILED' })]);
		expect(out('Add face', 'add', 'Failed')).toEqual([
			expect.objectContaining({ status: 'RETRY_LATER', error: expect.stringMatching(/RETRY_LATER/) }),
		]);
	});

	test('Search face finds the person just added (image as base64 text); Delete person deletes it', () => {
		const [added] = out('Add face', 'add', 'Added');
		expect(out('Search face', 'search', 'Match found')).toEqual([
			expect.objectContaining({ bestMatch: { personId: added.personId, confidence: 100 } }),
		]);
		expect(out('Delete person', 'delete', 'Deleted')).toEqual([expect.objectContaining({ outcome: 'success' })]);
	});

	test('a stranger: No match, and deleting an unknown person id: Person not found', () => {
		expect(out('Search stranger', 'search', 'No match')).toEqual([expect.objectContaining({ outcome: 'negative', matches: [] })]);
		const notFound = BRANCHES.delete.names[BRANCHES.delete.outcomes.indexOf('negative')];
		expect(out('Delete stranger', 'delete', notFound)).toEqual([
			expect.objectContaining({ outcome: 'negative', status: 'PERSON_ID_NOT_EXIST' }),
		]);
	});

	test('the emulator kept no face after the delete', () => {
		const deletes = real.sandbox.emulator
			.accounting()
			.calls.filter((call) => call.operationId === 'faceDelete')
			.map((call) => call.status);
		expect(deletes.sort()).toEqual(['OK', 'PERSON_ID_NOT_EXIST']);
	});
});

describe('ID Document OCR over AccuAuth (credential headers, {country} base URL) in a real n8n', () => {
	let run: ExecuteResult;
	const ktp = (output: number) => json(outputItems(run.execution, 'Read KTP (AccuAuth)', output));
	beforeAll(async () => {
		run = await real.execute('idvE2eAccuAuthOcr');
	});

	test('the execution succeeds', () => expectStoredSuccess(run));

	test('Indonesia: a readable KTP is read by AccuAuth through the {country} base URL', () => {
		const read = [...ktp(branch(OCR_BRANCHES, 'Recognized')), ...ktp(branch(OCR_BRANCHES, 'Needs review'))];
		expect(read).toEqual([
			expect.objectContaining({ outcome: 'success', vendor: 'accuauth', operation: 'idKtpAccuauth', requestId: expect.any(String) }),
		]);
		expect(read[0].document).toMatchObject({ issuingCountry: 'IDN', personalNumber: '3273014505900002' });
	});

	test('Not recognized (DETECTION_FAILED) and Rejected input (64 px, under the 128 px minimum, refused locally)', () => {
		expect(ktp(branch(OCR_BRANCHES, 'Not recognized'))).toEqual([expect.objectContaining({ status: 'DETECTION_FAILED' })]);
		const [rejected, ...more] = ktp(branch(OCR_BRANCHES, 'Rejected input'));
		expect(more).toEqual([]);
		expect(rejected).toMatchObject({ outcome: 'rejectedInput', status: null });
		expect(JSON.stringify(rejected.problem)).toMatch(/128/);
	});

	test('"Continue (using error output)": the OUT_OF_QUOTA item leaves on n8n\'s extra Error output, not on Failed', () => {
		expect(ktp(branch(OCR_BRANCHES, 'Failed'))).toEqual([]);
		const errorOutput = ktp(OCR_BRANCHES.length);
		expect(errorOutput).toEqual([expect.objectContaining({ error: expect.stringMatching(/OUT_OF_QUOTA/) })]);
	});

	test('Ecuador: front (with detect_face) and back are both read', () => {
		const node = 'Read cédula';
		const read = [branch(OCR_BRANCHES, 'Recognized'), branch(OCR_BRANCHES, 'Needs review')].flatMap((output) =>
			json(outputItems(run.execution, node, output)),
		);
		expect(read).toHaveLength(2);
		for (const item of read) expect(item).toMatchObject({ outcome: 'success', vendor: 'accuauth', operation: 'ecIdCard' });
		expect(read.some((item) => JSON.stringify(item.raw).includes('face_region'))).toBe(true);
	});
});

describe('Hand-held ID with an own threshold, and WhatsApp without waiting, in a real n8n', () => {
	let run: ExecuteResult;
	beforeAll(async () => {
		run = await real.execute('idvE2eHandHeldWhatsApp');
	});

	test('the execution succeeds', () => expectStoredSuccess(run));

	test('the threshold (80) decides and says so: 85 is Same person, 60 is Not same person whatever the vendor said', () => {
		const out = (name: string) => json(outputItems(run.execution, 'Hand-held ID check', branch(FACE_BRANCHES, name)));
		expect(out('Same person')).toEqual([
			expect.objectContaining({ similarity: 85, judgedBy: 'threshold', threshold: 80, vendorVerdict: 'Not sure' }),
		]);
		expect(out('Not same person')).toEqual([
			expect.objectContaining({ similarity: 60, judgedBy: 'threshold', vendorVerdict: 'Same person' }),
		]);
		expect(out('Not sure')).toEqual([]);
	});

	test('without waiting, a number the vendor is still checking goes to Checking', () => {
		const out = (name: string) => json(outputItems(run.execution, 'WhatsApp Check', branch(WHATSAPP_BRANCHES, name)));
		expect(out('Checking')).toEqual([
			expect.objectContaining({ number: '+6281387300018', whatsapp: 'checking', final: false, charged: false }),
		]);
		expect(out('Registered')).toEqual([expect.objectContaining({ number: '+6281387300001', registered: true })]);
	});
});

describe('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real.packageErrors()).toEqual([]);
	});
});
