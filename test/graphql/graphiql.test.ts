import { startTestServer, type TestServer } from './support';

describe('GraphiQL', () => {
	let test: TestServer;
	beforeAll(async () => (test = await startTestServer({ graphiql: true })));
	afterAll(() => test.close());

	it('is served from the installed package, with no asset from a CDN', async () => {
		const response = await test.server.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('GraphiQL');
		expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/);
	});
});
