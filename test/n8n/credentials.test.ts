import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { n8nFixture, type N8nFixture } from './support/fixture';

/**
 * The credentials' Test button as n8n runs it for a credential without a declarative test: the node that names it
 * in `testedBy` runs `methods.credentialTest.<name>` with n8n's own request helper. A wrong token must fail however
 * the vendor answers it, with a message that names the credential.
 */

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

type TestFunction = (this: ICredentialTestFunctions, credential: ICredentialsDecrypted) => Promise<INodeCredentialTestResult>;

/** Finds the node that tests `type` (as n8n's CredentialsTester does) and runs its test. */
async function runCredentialTest(type: string, data: Record<string, string>): Promise<INodeCredentialTestResult> {
	for (const name of ['idDocumentOcr', 'faceMatch', 'faceSearch']) {
		const node = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type(name)) as unknown as {
			description: { credentials?: Array<{ name: string; testedBy?: string }> };
			methods?: { credentialTest?: Record<string, TestFunction> };
		};
		const testedBy = node.description.credentials?.find((credential) => credential.name === type)?.testedBy;
		const test = testedBy ? node.methods?.credentialTest?.[testedBy] : undefined;
		if (!test) continue;
		const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
		return await test.call(context as unknown as ICredentialTestFunctions, { id: 'c', name: type, type, data });
	}
	throw new Error(`No node tests ${type}`);
}

describe('AI Solution API', () => {
	test('a right token passes: deleting a person id that cannot exist is free', async () => {
		await expect(runCredentialTest('aiSolutionApi', fx.credentials.aiSolutionApi)).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const calls = fx.emulator.accounting().calls;
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ operationId: 'faceDelete', status: 'PERSON_ID_NOT_EXIST', charged: false });
	});

	for (const reading of ['http401', 'http403', 'invalidRequest', 'invalidRequestNamingToken', 'invalidToken'] as const) {
		test(`a wrong token fails when the vendor answers it as ${reading}, naming the credential, never the token`, async () => {
			fx.emulator.setReadings({ wrongToken: reading });
			const result = await runCredentialTest('aiSolutionApi', { ...fx.credentials.aiSolutionApi, token: 'wrong-token-value' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/token/);
			expect(result.message).toMatch(/AI Solution/);
			expect(result.message).not.toContain('wrong-token-value');
			expect(fx.emulator.accounting().totals.charged).toBe(0);
		});
	}

	test('under operationBadInput a wrong token answers delface like a good one: no free call can tell (documented)', async () => {
		fx.emulator.setReadings({ wrongToken: 'operationBadInput' });
		await expect(runCredentialTest('aiSolutionApi', { ...fx.credentials.aiSolutionApi, token: 'wrong' })).resolves.toMatchObject({
			status: 'OK',
		});
	});
});

describe('AccuAuth API', () => {
	test('right keys pass: a request without an image answers 400 INVALID_ARGUMENT, free', async () => {
		await expect(runCredentialTest('accuAuthApi', fx.credentials.accuAuthApi)).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(fx.emulator.accounting().calls[0]).toMatchObject({ status: 'INVALID_ARGUMENT', charged: false });
	});

	test('a wrong secret fails, naming the credential and not the secret', async () => {
		const result = await runCredentialTest('accuAuthApi', { ...fx.credentials.accuAuthApi, apiSecret: 'wrong-secret-value' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/AccuAuth did not accept the API ID or secret/);
		expect(result.message).not.toContain('wrong-secret-value');
	});
});

test('a base URL where no vendor answers fails instead of passing', async () => {
	const server = http.createServer((_req, res) => {
		res.writeHead(404, { 'content-type': 'text/html' });
		res.end('<html>not here</html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		await expect(runCredentialTest('aiSolutionApi', { token: 'token-value', baseUrl: `${base}/v1` })).resolves.toMatchObject({
			status: 'Error',
		});
		await expect(
			runCredentialTest('accuAuthApi', { apiId: 'a', apiSecret: 'secret-value', baseUrl: `${base}/{country}` }),
		).resolves.toMatchObject({ status: 'Error' });
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
});
