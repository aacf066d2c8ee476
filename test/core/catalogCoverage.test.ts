import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { OPERATIONS, type Operation, type OperationKind } from '../../core';
import { startEmulator, type Emulator } from '../../emulator';
import { buildRoutes } from '../../emulator/routes';
import { enumValueName } from '../../graphql/src/schema/names';
import { callOperation } from '../emulator/support';
import { makePng } from '../support/images';

/**
 * One walk over the catalog: every entry is complete, served by the emulator, rendered by the n8n nodes and typed in
 * the GraphQL schema. A new operation (or a new kind of operation) fails here until every surface has it.
 */

const ROOT = join(__dirname, '..', '..');

describe('every catalog entry is complete', () => {
	it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s', (_id, op) => {
		// Documented answers belong to the entry's own statuses and verdicts.
		const { statuses, verdicts } = op.documented;
		for (const status of Object.keys(statuses)) expect(Object.keys(op.statuses)).toContain(status);
		for (const verdict of Object.keys(verdicts)) expect(Object.keys(op.verdicts?.values ?? {})).toContain(verdict);
		// A document has a normalizer; nothing else has one.
		expect(op.normalizer !== undefined).toBe(op.kind === 'ocr');
		expect(op.document !== undefined).toBe(op.kind === 'ocr');
		expect(new Set(op.fields.map((field) => field.key)).size).toBe(op.fields.length);
	});
});

describe('the emulator serves every entry', () => {
	let emulator: Emulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(() => emulator.close());
	beforeEach(() => emulator.reset());

	const routes = buildRoutes();
	const routeOf = (op: Operation) =>
		op.vendor === 'aisolution' ? routes.aisolution.get(op.path) : routes.accuauth.get(op.vendorCountry!)?.get(op.path);

	/** Required inputs other than images, with values the emulator takes. */
	function fieldsFor(op: Operation): Record<string, string> {
		const fields: Record<string, string> = {};
		for (const spec of op.inputs) {
			if (!spec.required || spec.type === 'image') continue;
			fields[spec.name] = spec.type === 'phone' ? '+6284921089722' : 'c5r7jedkujdbnasarhn0';
		}
		return fields;
	}

	it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s has a route, and a call there is accounted to it', async (_id, op) => {
		expect(routeOf(op)).toContain(op);
		// `idv:card` picks the entry where two share a path (the Thai cards).
		const image = op.inputs.some((spec) => spec.type === 'image') ? makePng(640, 400, { marker: `idv:card=${op.id}` }) : null;
		const answer = await callOperation(emulator, op, image, fieldsFor(op));
		expect(answer.status).toBeLessThan(500);
		expect(emulator.accounting().calls.map((call) => call.operationId)).toEqual([op.id]);
	});
});

describe('the n8n nodes render every entry (the built package in dist/: `npm run build` first)', () => {
	const nodePaths: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).n8n.nodes;

	interface Described {
		outputNames?: string[];
		properties: { name: string; options?: { name?: string; value?: unknown }[]; displayOptions?: { show?: Record<string, unknown[]> } }[];
	}

	function loadNodes(): Described[] {
		return nodePaths.map((path) => {
			const file = join(ROOT, path);
			if (!existsSync(file)) throw new Error(`${path} is missing: run \`npm run build\` before this test`);
			// The built package is plain CommonJS, loaded the way n8n loads it.
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = Object.values(require(file) as Record<string, new () => { description: Described }>);
			return new exported[0]().description;
		});
	}

	/** A document appears in the Document dropdown of its country, and by id in the Provider dropdown when two vendors read it. */
	function rendersDocument(nodes: Described[], op: Operation): boolean {
		const info = op.document!;
		const properties = nodes.flatMap((node) => node.properties);
		const inCountry = (name: string) =>
			properties.filter((p) => p.name === name && p.displayOptions?.show?.country?.includes(info.country));
		const listed = inCountry('document').some((p) => p.options?.some((option) => option.name === info.label));
		const sharers = OPERATIONS.filter((other) => other.document?.country === info.country && other.document.label === info.label);
		const picked = sharers.length === 1 || inCountry('provider').some((p) => p.options?.some((option) => option.value === op.id));
		return listed && picked;
	}

	/** Another operation is named by its description, or its verdicts are the node's outputs. */
	function rendersOperation(nodes: Described[], op: Operation): boolean {
		const verdictLabels = Object.values(op.verdicts?.values ?? {})
			.filter((rule) => rule.outcome !== 'failed')
			.map((rule) => rule.label);
		return nodes.some(
			(node) =>
				JSON.stringify(node).includes(JSON.stringify(op.description).slice(1, -1)) ||
				(verdictLabels.length > 0 && verdictLabels.every((label) => node.outputNames?.includes(label))),
		);
	}

	it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s', (_id, op) => {
		const nodes = loadNodes();
		expect(op.kind === 'ocr' ? rendersDocument(nodes, op) : rendersOperation(nodes, op)).toBe(true);
	});
});

describe('the GraphQL schema types every entry (graphql/schema.graphql)', () => {
	const schema = buildSchema(readFileSync(join(ROOT, 'graphql', 'schema.graphql'), 'utf8'));
	const fieldsOf = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});

	/** The root field that serves each kind of operation; a new kind has none until it is added here and to the schema. */
	const ROOT_FIELD: Record<Exclude<OperationKind, 'ocr'>, { root: 'Query' | 'Mutation'; field: string }> = {
		faceCompare: { root: 'Query', field: 'faceCompare' },
		idHolding: { root: 'Query', field: 'idHolding' },
		faceSearch: { root: 'Query', field: 'faceSearch' },
		whatsapp: { root: 'Query', field: 'whatsappCheck' },
		faceAdd: { root: 'Mutation', field: 'addFace' },
		faceDelete: { root: 'Mutation', field: 'deleteFace' },
	};

	it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s', (_id, op) => {
		if (op.kind === 'ocr') {
			const documentIds = schema.getType('DocumentId');
			expect(documentIds && 'getValues' in documentIds ? documentIds.getValues().map((v) => v.name) : []).toContain(enumValueName(op.id));
			expect(schema.getType(op.document!.typeName)).toBeDefined();
			return;
		}
		const { root, field } = ROOT_FIELD[op.kind];
		expect(fieldsOf(root === 'Query' ? schema.getQueryType() : schema.getMutationType())).toContain(field);
	});
});
