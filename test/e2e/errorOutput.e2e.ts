import { outputItems, type StoredExecution, type StoredItem } from '../../scripts/n8n/executions';
import type { ExecuteResult } from '../../scripts/n8n/instance';
import { OCR_BRANCHES } from '../../nodes/IdDocumentOcr/actions/read.operation';
import { makePng } from '../support/images';
import { useRealN8n } from './realN8n';
import { cardPhoto } from './sampleCards';
import { idverifyNode, manualTrigger, sampleItems, workflow } from './workflowBuilder';

/**
 * "Continue (using error output)" on every n8n version we support (run with IDV_N8N_VERSION=1.123.81 too):
 * an item that fails must leave on n8n's own Error output, keep its input fields and say why; the others
 * leave on their branches. n8n 1.x (and 2.x before 2.35.3) move an item there only in some shapes, which is
 * what this test catches.
 */

const NODE = 'Read ID card';
const cases = [
	{ applicant: 'A-1', kind: 'valid' },
	{ applicant: 'A-2', kind: 'quota' },
	{ applicant: 'A-3', kind: 'expired' },
	{ applicant: 'A-4', kind: 'quota' },
	{ applicant: 'A-5', kind: 'unreadable' },
	{ applicant: 'A-6', kind: 'valid' },
	{ applicant: 'A-7', kind: 'quota' },
	{ applicant: 'A-8', kind: 'valid' },
	{ applicant: 'A-9', kind: 'quota' },
	{ applicant: 'A-10', kind: 'expired' },
] as const;
const photo = (kind: (typeof cases)[number]['kind'], label: string) =>
	kind === 'quota'
		? makePng(128, 128, { marker: `idv:status=OUT_OF_QUOTA idv:face=${label}`, deterministic: true })
		: cardPhoto[kind](label);

const mixed = workflow(
	'idvE2eErrorOutput',
	'e2e: Continue (using error output)',
	[
		manualTrigger(),
		sampleItems(
			'Applicants',
			cases.map(({ applicant, kind }) => ({ json: { applicant, kind }, binary: { photo: photo(kind, applicant) } })),
		),
		idverifyNode(
			NODE,
			'idDocumentOcr',
			{ country: 'DE', document: 'ID_CARD', binaryPropertyName: 'photo' },
			{ onError: 'continueErrorOutput' },
		),
	],
	[
		['Start', 0, 'Applicants'],
		['Applicants', 0, NODE],
	],
);

const real = useRealN8n('error-output', { workflows: () => [mixed] });

/** The applicant an output item came from (its pairedItem: the node's own items carry its result, not the input). */
const applicantOf = (item: StoredItem) => {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return paired ? cases[paired.item]?.applicant : undefined;
};

/** The node's outputs as n8n stored them; with "Continue (using error output)" n8n's Error output is the last. */
function outputs(execution: StoredExecution): StoredItem[][] {
	const main = execution.runData[NODE]?.[0]?.data?.main ?? [];
	return main.map((items) => items ?? []);
}

describe(`"Continue (using error output)" in n8n`, () => {
	let run: ExecuteResult;
	let errorOutput: StoredItem[];
	beforeAll(async () => {
		run = await real.execute('idvE2eErrorOutput');
		const all = outputs(run.execution);
		errorOutput = all[all.length - 1] ?? [];
		const counts = all.map((items, index) => `${OCR_BRANCHES[index] ?? 'Error'}: ${items.length}`).join(', ');
		console.log(`e2e error output (n8n ${real.version}, ${real.mode} mode): ${counts}`);
	});

	test('the execution succeeds and every item leaves on exactly one output', () => {
		expect({ status: run.execution.status, error: run.execution.error?.message }).toEqual({ status: 'success', error: undefined });
		const applicants = outputs(run.execution).flatMap((items) => items.map(applicantOf));
		expect(applicants.sort()).toEqual(cases.map((item) => item.applicant).sort());
	});

	test("the failed items are on n8n's Error output, with their input fields and the reason", () => {
		expect(outputs(run.execution).length).toBeGreaterThan(OCR_BRANCHES.indexOf('Not recognized') + 1);
		const failed = cases.filter((item) => item.kind === 'quota').map((item) => item.applicant);
		expect(errorOutput.map(applicantOf)).toEqual(failed);
		for (const item of errorOutput) {
			// The input fields stay on the item, beside the reason.
			expect(item.json).toMatchObject({ applicant: applicantOf(item), kind: 'quota' });
			expect(JSON.stringify(item.json)).toMatch(/OUT_OF_QUOTA/);
		}
	});

	test('no failed item stays on our own Failed output', () => {
		const failedIndex = OCR_BRANCHES.indexOf('Failed' as (typeof OCR_BRANCHES)[number]);
		const all = outputs(run.execution);
		// Only when Failed is not itself the last output (that is, n8n's Error output exists beside it).
		if (failedIndex >= 0 && failedIndex < all.length - 1) expect(outputItems(run.execution, NODE, failedIndex)).toEqual([]);
	});

	test('the other items are on their branches', () => {
		const on = (name: string) =>
			outputItems(run.execution, NODE, OCR_BRANCHES.indexOf(name as (typeof OCR_BRANCHES)[number])).map(applicantOf);
		expect(on('Recognized')).toEqual(['A-1', 'A-6', 'A-8']);
		expect(on('Needs review')).toEqual(['A-3', 'A-10']);
		expect(on('Not recognized')).toEqual(['A-5']);
	});
});

describe('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real.packageErrors()).toEqual([]);
	});
});
