import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { createServer } from 'net';
import { makePng } from '../support/images';
import { KEYS, awayFromMinuteBoundary, b64, readEvents, startTestServer, type TestServer } from './support';

/**
 * Two server instances sharing one Redis behave as one: budgets, rate limits and the subscription
 * fan-out. The test starts Debian's redis-server on a free loopback port (.ci/redis.sh installs it).
 */

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis) console.warn('SKIPPED: redis-server is not installed (run .ci/redis.sh); the two-instance Redis tests did not run');
const describeWithRedis = hasRedis ? describe : describe.skip;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (/Ready to accept connections/.test(chunk.toString())) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
	});
	return { url: `redis://127.0.0.1:${port}`, process: child };
}

const READ = `query($img: ImageInput!) { readDocument(document: DE_ID_CARD, image: $img) { __typename } }`;
const img = (face: string) => ({ img: { base64: b64(makePng(300, 200, { marker: `idv:face=${face}` })) } });

describeWithRedis('two instances sharing one Redis', () => {
	let redis: { url: string; process: ChildProcess };
	let a: TestServer;
	let b: TestServer;

	beforeAll(async () => {
		redis = await startRedis();
		a = await startTestServer({ redisUrl: redis.url });
		b = await startTestServer({ redisUrl: redis.url });
	});

	afterAll(async () => {
		await Promise.all([a?.close(), b?.close()]);
		if (redis) {
			const exited = new Promise((resolve) => redis.process.once('exit', resolve));
			redis.process.kill('SIGTERM');
			await exited;
		}
	});

	it('reports Redis as the shared state', async () => {
		expect(await (await fetch(`${a.url}/health`)).json()).toMatchObject({ status: 'ok', sharedState: 'redis' });
	});

	it('a budget spent on one instance is spent on the other', async () => {
		// The "small" key may spend 2 charged calls a day, wherever they are made.
		expect((await a.gql(READ, img('r1'), { key: KEYS.small })).body.data.readDocument.__typename).toBe('GermanIdCard');
		expect((await b.gql(READ, img('r2'), { key: KEYS.small })).body.data.readDocument.__typename).toBe('GermanIdCard');
		const refusedOnA = await a.gql(READ, img('r3'), { key: KEYS.small });
		const refusedOnB = await b.gql(READ, img('r4'), { key: KEYS.small });
		expect(refusedOnA.body.data.readDocument.__typename).toBe('BudgetExceeded');
		expect(refusedOnB.body.data.readDocument.__typename).toBe('BudgetExceeded');
		const charged = a.server.emulator!.accounting().totals.charged + b.server.emulator!.accounting().totals.charged;
		expect(charged).toBe(2);
	});

	it('a rate limit counts requests on both instances', async () => {
		// The "slow" key may send 3 requests a minute.
		await awayFromMinuteBoundary();
		const statuses = [];
		for (const server of [a, b, a, b]) statuses.push((await server.gql('{ documents { id } }', {}, { key: KEYS.slow })).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
	});

	it('a WhatsApp callback arriving at one instance reaches a subscriber on the other', async () => {
		const number = '+6281234567318';
		const subscription = await fetch(`${a.url}/graphql`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEYS.main}`, 'content-type': 'application/json', accept: 'text/event-stream' },
			body: JSON.stringify({
				query: `subscription($n: String!) { whatsappResults(number: $n) { number status } }`,
				variables: { n: number },
			}),
		});
		const events = readEvents(subscription, (list) => list.some((e) => e.event === 'next'), 15_000);
		// The check runs on B, so the vendor (B's sandbox) calls B back; A's subscriber hears of it through Redis.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const { body } = await b.http(`query($n: String!) { whatsappCheck(number: $n) { __typename ... on WhatsappCheck { status } } }`, {
			n: number,
		});
		expect(body.data.whatsappCheck.status).toBe('CHECKING');
		const received = (await events).find((e) => e.event === 'next')!;
		expect(received.data).toEqual({ data: { whatsappResults: { number, status: 'YES' } } });
		expect(b.server.emulator!.accounting().callbacks[0].url).toContain(b.url!);
		expect(a.server.emulator!.accounting().callbacks).toHaveLength(0);
	});
});
