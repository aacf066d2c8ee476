import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { createSchema } from '../../graphql/src/schema';
import { makePng } from '../support/images';
import { KEYS, b64, readEvents, startTestServer, type TestServer } from './support';

/** Every operation in examples/graphql/ is valid against the schema and runs against the sandbox as documented. */

const DIR = join(__dirname, '..', '..', 'examples', 'graphql');
const files = readdirSync(DIR).filter((f) => f.endsWith('.graphql'));
const operations = files.flatMap((file) => {
	const source = readFileSync(join(DIR, file), 'utf8');
	return parse(source)
		.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
		.map((op) => ({ file, name: op.name!.value, kind: op.operation, source }));
});

const image = (marker: string) => ({ base64: b64(makePng(400, 300, { marker })) });
const face = image('idv:face=example');

/** The variables each example runs with, and what its first field must answer. */
const RUNS: Record<string, { variables: Record<string, unknown>; expect: (data: any) => void }> = {
	Documents: {
		variables: { country: 'TH' },
		expect: (d) => expect(d.documents.map((x: any) => x.id)).toEqual(['TH_ID_CARD', 'TH_DRIVING_LICENCE']),
	},
	ReadDocument: {
		variables: { document: 'MX_VOTER_CARD', image: image('idv:face=ine') },
		expect: (d) => expect(d.readDocument.__typename).toBe('MexicanVoterCard'),
	},
	Onboarding: {
		variables: { card: image('idv:face=card'), selfie: image('idv:face=selfie idv:similarity=91.2'), phone: '+6281234567890' },
		expect: (d) => {
			expect(d.verification.document.__typename).toBe('GermanIdCard');
			expect(d.verification.faceMatch).toMatchObject({ __typename: 'FaceComparison', verdict: 'SAME_PERSON' });
			expect(d.verification.whatsapp).toMatchObject({ status: 'YES', registered: true });
			expect(['APPROVED', 'REVIEW']).toContain(d.verification.decision);
		},
	},
	CompareFaces: {
		variables: { a: image('idv:face=a'), b: image('idv:face=b') },
		expect: (d) => expect(d.faceCompare.verdict).toBe('SAME_PERSON'),
	},
	HandHeldId: { variables: { selfie: image('idv:face=holder') }, expect: (d) => expect(d.idHolding.__typename).toBe('FaceComparison') },
	AddFace: { variables: { face }, expect: (d) => expect(d.addFace.__typename).toBe('FaceAdded') },
	SearchFace: { variables: { face }, expect: (d) => expect(d.faceSearch).toMatchObject({ __typename: 'FaceSearchMatches', found: true }) },
	DeleteFace: { variables: { personId: 'nobody' }, expect: (d) => expect(d.deleteFace.__typename).toBe('PersonNotFound') },
	WhatsappCheck: {
		variables: { number: '+6281234567895' },
		expect: (d) => expect(d.whatsappCheck).toMatchObject({ status: 'NO', registered: false }),
	},
};

const schema = createSchema();
let t: TestServer;
beforeAll(async () => {
	t = await startTestServer();
});
afterAll(() => t.close());

describe('examples/graphql', () => {
	it('has examples', () => {
		expect(operations.length).toBeGreaterThanOrEqual(10);
	});

	it.each(operations.map((o) => [`${o.file} ${o.name}`, o] as const))('%s is valid against the schema', (_label, op) => {
		expect(validate(schema, parse(op.source))).toEqual([]);
	});

	it.each(operations.filter((o) => o.kind !== 'subscription').map((o) => [`${o.file} ${o.name}`, o] as const))(
		'%s runs against the sandbox',
		async (_label, op) => {
			const run = RUNS[op.name];
			expect(run).toBeDefined();
			const response = await fetch(`${t.url}/graphql`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.main}` },
				body: JSON.stringify({ query: op.source, operationName: op.name, variables: run.variables }),
			});
			const body = await response.json();
			expect(body.errors).toBeUndefined();
			run.expect(body.data);
		},
	);

	it('whatsapp.graphql WhatsappResults receives the callback for a number still being checked', async () => {
		const op = operations.find((o) => o.name === 'WhatsappResults')!;
		const number = '+6281234567318';
		const subscription = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${KEYS.main}` },
			body: JSON.stringify({ query: op.source, operationName: op.name, variables: { number } }),
		});
		const events = readEvents(subscription, (list) => list.some((e) => e.event === 'next'), 15_000);
		const check = operations.find((o) => o.name === 'WhatsappCheck')!;
		const response = await fetch(`${t.url}/graphql`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.main}` },
			body: JSON.stringify({ query: check.source, operationName: 'WhatsappCheck', variables: { number } }),
		});
		expect((await response.json()).data.whatsappCheck.status).toBe('CHECKING');
		const received = (await events).find((e) => e.event === 'next')!;
		expect(received.data.data.whatsappResults).toEqual({ number, status: 'YES', registered: true });
	});
});
