import { setTimeout as delay } from 'timers/promises';
import { createClient, fetchTransport, type Operation, OPERATIONS } from '../../core';
import type { Readings } from '../../emulator';
import { makePng } from '../support/images';
import { startSandbox, type Sandbox } from '../support/sandbox';

/**
 * The docs never say how AI Solution answers a wrong token. Under every plausible reading the emulator offers, a
 * wrong token must land on Failed with a message that names the credential: never on Rejected input, which would
 * send the operator to ask the applicant for a new photo.
 */

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());
beforeEach(() => sandbox.emulator.reset());

const wrongClient = () =>
	createClient({
		sleep: delay,
		transport: fetchTransport({ aisolution: { token: 'wrong-token-5678' } }),
		baseUrls: sandbox.emulator.baseUrls,
		secrets: ['wrong-token-5678'],
		retry: { baseDelayMs: 1 },
	});

const face = () => makePng(400, 300, { marker: 'idv:face=dora' });
function inputFor(op: Operation): Record<string, unknown> {
	if (op.kind === 'whatsapp') return { number: '+62 812 3456 7890' };
	if (op.kind === 'faceDelete') return { person_id: 'someone' };
	return Object.fromEntries(op.inputs.filter((spec) => spec.type === 'image').map((spec) => [spec.name, face()]));
}

const readings: Readings['wrongToken'][] = ['http401', 'http403', 'invalidRequest', 'invalidRequestNamingToken', 'invalidToken'];
const aiSolution = OPERATIONS.filter((op) => op.vendor === 'aisolution');

describe.each(readings)('wrong token answered as %s', (wrongToken) => {
	beforeEach(() => sandbox.emulator.setReadings({ wrongToken }));

	it.each(aiSolution.map((op) => [op.id, op] as const))('%s: Failed, free, not retried, naming the credential', async (_id, op) => {
		const result = await wrongClient().call(op.id, inputFor(op));
		expect(result).toMatchObject({ outcome: 'failed', charged: false, attempts: 1, retryable: false });
		expect(result.problem?.message).toMatch(/token in the AI Solution credential/);
		expect(JSON.stringify(result)).not.toContain('wrong-token-5678');
	});
});

describe('the right token', () => {
	it('is not mistaken for a wrong one: INVALID_REQUEST never comes back for valid input', async () => {
		const result = await sandbox.client().call('deIdCard', { img: makePng(400, 300, { marker: 'idv:status=OK' }) });
		expect(result.outcome).toBe('success');
	});
});
