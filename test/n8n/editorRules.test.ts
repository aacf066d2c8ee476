import { NodeHelpers, Workflow, type INode, type INodeParameters, type INodeTypeDescription } from 'n8n-workflow';
import { editorAuthField } from '../e2e/editorRules';
import { loadPackage, type LoadedPackage } from './support/nodeTypes';

/**
 * What n8n's editor shows for our nodes, by n8n-workflow's own rules (displayParameter, getNodeOutputs): a field
 * that vanishes when another one is an expression, or an output that can never receive an item, is a trap.
 */

let pkg: LoadedPackage;
beforeAll(async () => {
	pkg = await loadPackage();
});

function describeNode(name: string, typeVersion: number): INodeTypeDescription {
	return pkg.nodeTypes.getByNameAndVersion(pkg.type(name), typeVersion).description;
}

/**
 * The parameters named `name` the editor shows for these values. Like the editor before any run, an expression
 * resolves to nothing, and parameters left out take their defaults (the operation is "read").
 */
function shown(description: INodeTypeDescription, typeVersion: number, values: INodeParameters, name: string) {
	const node = { typeVersion };
	const resolved = Object.fromEntries(
		Object.entries({ operation: 'read', ...values }).map(([key, value]) => [
			key,
			typeof value === 'string' && value.startsWith('=') ? undefined : value,
		]),
	);
	return description.properties.filter(
		(property) => property.name === name && NodeHelpers.displayParameter(resolved as INodeParameters, property, node, description),
	);
}

function outputNames(name: string, typeVersion: number, parameters: INodeParameters, onError?: INode['onError']): string[] {
	const node: INode = {
		id: 'n',
		name: 'N',
		type: pkg.type(name),
		typeVersion,
		position: [0, 0],
		parameters,
		...(onError ? { onError } : {}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
	return NodeHelpers.getNodeOutputs(workflow, node, describeNode(name, typeVersion)).map((output) =>
		typeof output === 'string' ? output : (output.displayName ?? ''),
	);
}

describe('ID Document OCR: the Document field', () => {
	for (const typeVersion of [1, 2]) {
		test(`v${typeVersion}: shown once when Country is an expression, listing every kind of document`, () => {
			const description = describeNode('idDocumentOcr', typeVersion);
			const [document, ...more] = shown(description, typeVersion, { country: '={{ $json.country }}' }, 'document');
			expect(more).toEqual([]);
			expect(document).toBeDefined();
			expect(document.options?.map((option) => ('value' in option ? option.value : null))).toEqual(
				expect.arrayContaining(['ID_CARD', 'DRIVING_LICENSE', 'TAX_CARD']),
			);
		});

		test(`v${typeVersion}: shown once, with that country's documents, when Country is chosen`, () => {
			const description = describeNode('idDocumentOcr', typeVersion);
			const documents = shown(description, typeVersion, { country: 'DE' }, 'document');
			expect(documents).toHaveLength(1);
			expect(documents[0].options?.map((option) => ('value' in option ? option.value : null))).toEqual(['DRIVING_LICENSE', 'ID_CARD']);
		});
	}

	test('the editor does not take Country for the authentication field (n8n-editor-ui getMainAuthField)', () => {
		for (const typeVersion of [1, 2]) {
			const description = describeNode('idDocumentOcr', typeVersion);
			const properties = description.properties.filter((p) =>
				NodeHelpers.displayParameter({ operation: 'read' }, p, { typeVersion }, description),
			);
			expect(editorAuthField({ ...description, properties } as unknown as Parameters<typeof editorAuthField>[0])).toBeNull();
		}
	});

	test('version 2 has no default country; version 1 keeps Colombia for saved workflows', () => {
		const country = (typeVersion: number) => shown(describeNode('idDocumentOcr', typeVersion), typeVersion, {}, 'country');
		expect(country(1).map((property) => property.default)).toEqual(['CO']);
		expect(country(2).map((property) => [property.default, property.required])).toEqual([['', true]]);
	});

	test('the subtitle names the country and the document, not their codes', () => {
		expect(describeNode('idDocumentOcr', 2).subtitle).toContain('"DE":"Germany"');
	});
});

describe('no output that can never receive an item', () => {
	test('ID Document OCR v2: no Failed output; n8n adds its Error output under "Continue (using error output)"', () => {
		const params = { country: 'DE', document: 'ID_CARD' };
		expect(outputNames('idDocumentOcr', 2, params)).toEqual(['Recognized', 'Needs review', 'Not recognized', 'Rejected input']);
		expect(outputNames('idDocumentOcr', 2, params, 'continueErrorOutput')).toEqual([
			'Recognized',
			'Needs review',
			'Not recognized',
			'Rejected input',
			'Error',
		]);
		// Version 1 keeps its outputs: saved workflows are wired to them.
		expect(outputNames('idDocumentOcr', 1, params)).toEqual(['Recognized', 'Needs review', 'Not recognized', 'Rejected input', 'Failed']);
	});

	test('Face Match and Face Search v2: no Failed output', () => {
		expect(outputNames('faceMatch', 2, { operation: 'compare' })).toEqual(['Same person', 'Not same person', 'Not sure']);
		expect(outputNames('faceMatch', 1, { operation: 'compare' })).toEqual(['Same person', 'Not same person', 'Not sure', 'Failed']);
		expect(outputNames('faceSearch', 2, { operation: 'delete' })).toEqual(['Deleted', expect.any(String)]);
		expect(outputNames('faceSearch', 2, { operation: 'search' })).not.toContain('Failed');
	});
});
