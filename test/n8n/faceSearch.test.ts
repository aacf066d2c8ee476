import type { INodeParameters } from 'n8n-workflow';
import { getOperation } from '../../core';
import { makePng } from '../support/images';
import { branchesByItem, itemFor } from './support/assertions';
import { n8nFixture, type N8nFixture } from './support/fixture';
import type { InputItem } from './support/inputNode';

/** Face Search in real workflow executions: the outputs follow the operation. */

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

const face = (marker: string): InputItem => ({ binary: { data: { bytes: makePng(200, 200, { marker }), mimeType: 'image/png' } } });
const faceSearch = (parameters: INodeParameters, onError?: 'continueRegularOutput' | 'continueErrorOutput') => ({
	type: fx.pkg.type('faceSearch'),
	parameters,
	...(onError ? { onError } : {}),
});

const OUTPUTS = {
	add: ['Added', 'Rejected input', 'Failed'],
	search: ['Match found', 'No match', 'Rejected input', 'Failed'],
	delete: ['Deleted', 'Person not found', 'Failed'],
};
const branch = (operation: keyof typeof OUTPUTS, name: string) => OUTPUTS[operation].indexOf(name);

test('each operation has its own outputs, as the node declares them', async () => {
	const { NodeHelpers, Workflow } = await import('n8n-workflow');
	for (const operation of Object.keys(OUTPUTS) as (keyof typeof OUTPUTS)[]) {
		const node = {
			id: 'n',
			name: 'Face Search',
			type: fx.pkg.type('faceSearch'),
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: { operation },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: fx.pkg.nodeTypes });
		const outputs = NodeHelpers.getNodeOutputs(workflow, node, fx.pkg.nodeTypes.getByNameAndVersion(node.type, 1).description);
		expect(outputs.map((output) => (typeof output === 'string' ? output : output.displayName))).toEqual(OUTPUTS[operation]);
	}
});

describe('add, search, delete: the face store round trip', () => {
	test('add → Added with a person id; search → Match found / No match; delete → Deleted, then Person not found', async () => {
		const alice = face('idv:face=alice');
		const added = await fx.run(faceSearch({ operation: 'add' }), [alice]);
		expect(added.outputs).toHaveLength(3);
		expect(added.outputs[branch('add', 'Added')]).toHaveLength(1);
		const personId = added.outputs[0][0].json.personId as string;
		expect(personId).toEqual(expect.any(String));
		expect(added.outputs[0][0].json).toMatchObject({ verdict: 'Added', charged: false, personId: expect.any(String) });
		// The vendor's group id is its account's access key: never in an item, not even in the raw answer.
		expect(added.outputs[0][0].json).not.toHaveProperty('groupId');
		expect(JSON.stringify(added.outputs[0][0].json)).not.toMatch(/group_?id/i);

		const searched = await fx.run(faceSearch({ operation: 'search' }), [alice, face('idv:face=bob')]);
		expect(searched.outputs).toHaveLength(4);
		expect(branchesByItem(searched.outputs, 2)).toEqual([branch('search', 'Match found'), branch('search', 'No match')]);
		expect(itemFor(searched.outputs, 0).json).toMatchObject({ bestMatch: { personId, confidence: expect.any(Number) }, charged: true });
		expect(itemFor(searched.outputs, 1).json).toMatchObject({ matches: [], bestMatch: null });

		const deleted = await fx.run(faceSearch({ operation: 'delete', personId: '={{ $json.personId }}' }), [
			{ json: { personId } },
			{ json: { personId } },
		]);
		// Items run concurrently; the store deletes once: one item is Deleted, the other finds nobody.
		expect(deleted.outputs).toHaveLength(3);
		const branches = branchesByItem(deleted.outputs, 2).sort();
		expect(branches).toEqual([branch('delete', 'Deleted'), branch('delete', 'Person not found')]);
	});
});

describe.each([
	['add', 'faceAdd'],
	['search', 'faceSearch'],
] as const)('%s: every documented status lands on its output', (operation, operationId) => {
	const op = getOperation(operationId);
	test(Object.keys(op.statuses).join(', '), async () => {
		const statuses = Object.keys(op.statuses);
		const { outputs, error } = await fx.run(
			faceSearch({ operation, options: { attempts: 1 } }, 'continueRegularOutput'),
			statuses.map((status) => face(`idv:status=${status} idv:face=${status}`)),
		);
		expect(error).toBeUndefined();
		const branches = branchesByItem(outputs, statuses.length);
		statuses.forEach((status, index) => {
			const outcome = op.statuses[status].outcome;
			const expected =
				outcome === 'success'
					? operation === 'add'
						? 'Added'
						: 'No match'
					: outcome === 'rejectedInput'
						? 'Rejected input'
						: outcome === 'negative'
							? 'No match'
							: 'Failed';
			expect({ status, output: OUTPUTS[operation][branches[index]] }).toEqual({ status, output: expected });
		});
	});
});

test('delete: every documented status lands on its output', async () => {
	const op = getOperation('faceDelete');
	fx.emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1, operationId: 'faceDelete' } });
	const { outputs } = await fx.run(
		faceSearch({ operation: 'delete', personId: '={{ $json.id }}', options: { attempts: 1, concurrency: 1 } }, 'continueRegularOutput'),
		[{ json: { id: 'first-gets-retry-later' } }, { json: { id: 'nobody' } }],
	);
	expect(branchesByItem(outputs, 2)).toEqual([branch('delete', 'Failed'), branch('delete', 'Person not found')]);
	expect(itemFor(outputs, 0).json).toMatchObject({ status: 'RETRY_LATER' });
	expect(itemFor(outputs, 1).json).toMatchObject({ status: 'PERSON_ID_NOT_EXIST', deleted: false });
	expect(Object.keys(op.statuses)).toEqual(['OK', 'PERSON_ID_NOT_EXIST', 'RETRY_LATER']);
});

test('a face store failure stops the run by default, naming the status and the item', async () => {
	const { error } = await fx.run(faceSearch({ operation: 'search', options: { attempts: 1 } }), [
		face('idv:face=x'),
		face('idv:status=RETRY_LATER'),
	]);
	expect(error?.message).toMatch(/^AI Solution answered RETRY_LATER for item 1: /);
});
