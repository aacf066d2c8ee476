import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { n8nFixture, type N8nFixture } from './support/fixture';
import { testCredential } from './support/credentialTest';

/** The credentials' "Test" button against the emulator: free requests that tell a right key from a wrong one. */

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

describe('AI Solution API', () => {
	test('a right token passes (deleting a person id that cannot exist, free)', async () => {
		await expect(testCredential(fx.pkg, 'aiSolutionApi', fx.credentials.aiSolutionApi)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		const calls = fx.emulator.accounting().calls;
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ operationId: 'faceDelete', status: 'PERSON_ID_NOT_EXIST', charged: false });
	});

	test('a wrong token fails with a clear message', async () => {
		await expect(testCredential(fx.pkg, 'aiSolutionApi', { ...fx.credentials.aiSolutionApi, token: 'wrong' })).resolves.toEqual({ status: 'Error', message: 'AI Solution refused the token' });
	});
});

describe('AccuAuth API', () => {
	test('right keys pass (a request without an image: 400 INVALID_ARGUMENT, free)', async () => {
		await expect(testCredential(fx.pkg, 'accuAuthApi', fx.credentials.accuAuthApi)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fx.emulator.accounting().calls[0]).toMatchObject({ status: 'INVALID_ARGUMENT', charged: false });
	});

	test('a wrong secret fails with a clear message', async () => {
		await expect(testCredential(fx.pkg, 'accuAuthApi', { ...fx.credentials.accuAuthApi, apiSecret: 'wrong' })).resolves.toEqual({ status: 'Error', message: 'AccuAuth refused the API ID or secret' });
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
		await expect(testCredential(fx.pkg, 'aiSolutionApi', { token: 't', baseUrl: `${base}/v1` })).resolves.toMatchObject({ status: 'Error' });
		await expect(testCredential(fx.pkg, 'accuAuthApi', { apiId: 'a', apiSecret: 's', baseUrl: `${base}/{country}` })).resolves.toMatchObject({ status: 'Error' });
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
});
