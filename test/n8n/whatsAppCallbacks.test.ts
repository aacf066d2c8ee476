import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IRunExecutionData,
	type IWebhookData,
} from 'n8n-workflow';
import {
	callbackKey,
	signCallback,
	splitCallbackQuery,
	TOKEN_PARAMETER,
	verifyCallback,
	withToken,
} from '../../nodes/WhatsAppCheck/callback/token';
import { firstCallback, MAX_REMEMBERED } from '../../nodes/WhatsAppCheck/callback/seen';
import { waitModeRefusal } from '../../nodes/WhatsAppCheck/actions/waitForCallback';
import { additionalDataFor, execute, newExecutionId } from '../../bench/support/n8n/execute';
import { INPUT_NODE_TYPE, itemsParameter } from './support/inputNode';
import { n8nFixture, type N8nFixture } from './support/fixture';

/**
 * Callbacks no one can forge, and "Wait for the vendor's callback", with n8n-core's WebhookContext and WorkflowExecute
 * against the emulator. The vendor's callbacks go to a loopback recorder, from where the tests hand them (or altered
 * copies) to the trigger's and the node's webhook() as n8n would.
 */

const [REGISTERED, NOT_REGISTERED, CHECKING, FAILED] = [0, 1, 2, 3];
const NOW = 1_900_000_000;

describe('callback tokens', () => {
	const key = callbackKey('the-account-token');
	const token = signCallback(key, 'trigger', '+6281387300001', NOW + 60);

	test('a token made with the key verifies for its number until it expires', () => {
		expect(verifyCallback(key, 'trigger', token, '+6281387300001', NOW)).toMatchObject({ valid: true, expiresAt: NOW + 60 });
		// The vendor may write the number its own way: the digits decide.
		expect(verifyCallback(key, 'trigger', token, '+62 813-8730-0001', NOW + 60)).toMatchObject({ valid: true });
	});

	test('forged (another key), tampered number, expired, missing, malformed and wrong use are refused', () => {
		const otherKey = callbackKey('someone-else');
		expect(verifyCallback(otherKey, 'trigger', token, '+6281387300001', NOW)).toEqual({ valid: false, reason: 'forged' });
		expect(verifyCallback(key, 'trigger', token, '+6281387300002', NOW)).toEqual({ valid: false, reason: 'forged' });
		const [, mac] = token.split('.');
		expect(verifyCallback(key, 'trigger', `${NOW + 999_999}.${mac}`, '+6281387300001', NOW)).toEqual({ valid: false, reason: 'forged' });
		expect(verifyCallback(key, 'trigger', token, '+6281387300001', NOW + 61)).toEqual({ valid: false, reason: 'expired' });
		expect(verifyCallback(key, 'trigger', null, '+6281387300001', NOW)).toEqual({ valid: false, reason: 'missing' });
		expect(verifyCallback(key, 'trigger', 'abc', '+6281387300001', NOW)).toEqual({ valid: false, reason: 'malformed' });
		expect(verifyCallback(key, 'trigger', token, null, NOW)).toEqual({ valid: false, reason: 'malformed' });
		expect(verifyCallback(key, 'wait', token, '+6281387300001', NOW)).toEqual({ valid: false, reason: 'forged' });
	});

	test('the key is derived from the credential token, never the token itself', () => {
		expect(callbackKey('the-account-token').toString('hex')).not.toContain(Buffer.from('the-account-token').toString('hex'));
		expect(() => callbackKey('')).toThrow(/no token/);
		expect(token).not.toContain('the-account-token');
	});

	test("the token survives the query the vendor appends, and n8n's own signature before it stays out", () => {
		const url = withToken('http://127.0.0.1:5678/webhook-waiting/42?signature=n8n-resume-token', token);
		const called = `${url}&number=%2B6281387300001&whatsapp=yes&signature=Saya+suka+global`;
		expect(splitCallbackQuery(called.split('?').slice(1).join('?'))).toEqual({
			token,
			vendor: { number: '+6281387300001', whatsapp: 'yes', signature: 'Saya suka global' },
		});
		// A vendor that appends "?number=…" to a URL that already has a query.
		const naive = `${withToken('http://127.0.0.1/webhook/x/whatsapp', token)}?number=%2B6281387300001&whatsapp=no`;
		expect(splitCallbackQuery(naive.slice(naive.indexOf('?') + 1))).toEqual({
			token,
			vendor: { number: '+6281387300001', whatsapp: 'no' },
		});
		expect(splitCallbackQuery('number=1&whatsapp=yes')).toEqual({ token: null, vendor: {} });
	});

	test('a repeated callback is taken once; the memory stays bounded and forgets expired checks', () => {
		const staticData: IDataObject = {};
		expect(firstCallback(staticData, 'a', NOW + 60, NOW)).toBe(true);
		expect(firstCallback(staticData, 'a', NOW + 60, NOW + 1)).toBe(false);
		for (let i = 0; i < MAX_REMEMBERED + 50; i++) firstCallback(staticData, `n${i}`, NOW + 100 + i, NOW);
		expect(Object.keys(staticData.callbacksTaken as object)).toHaveLength(MAX_REMEMBERED);
		expect(firstCallback(staticData, 'x', NOW + 20_000, NOW + 10_000)).toBe(true);
		for (let i = 0; i < MAX_REMEMBERED; i++) firstCallback(staticData, `m${i}`, NOW + 10_001, NOW + 10_000);
		expect(Object.keys(staticData.callbacksTaken as object)).toHaveLength(MAX_REMEMBERED);
		// The old, expired checks went first; the newest one stays.
		expect(Object.keys(staticData.callbacksTaken as object).some((key) => key.startsWith('n'))).toBe(false);
		expect(firstCallback(staticData, 'x', NOW + 20_000, NOW + 10_000)).toBe(false);
	});
});

interface Recorder {
	origin: string;
	urls: string[];
	close(): Promise<void>;
}

/** Stands in for n8n's webhook endpoints: answers 200 and remembers each URL the vendor called. */
async function startRecorder(): Promise<Recorder> {
	const urls: string[] = [];
	const server = http.createServer((request, response) => {
		urls.push(request.url ?? '/');
		response.end('ok');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		urls,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
	for (let waited = 0; !condition() && waited < ms; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

let fx: N8nFixture;
let recorder: Recorder;
beforeAll(async () => {
	[fx, recorder] = await Promise.all([n8nFixture(), startRecorder()]);
});
afterAll(async () => {
	await fx?.close();
	await recorder?.close();
});
beforeEach(() => {
	fx.emulator.reset();
	recorder.urls.length = 0;
});

interface Delivery {
	status: number;
	body: unknown;
	workflowData?: INodeExecutionData[][];
}

/** A fake response: what webhook() sends itself (403) is kept. */
function responseRecorder() {
	const sent: { status: number; body: unknown } = { status: 200, body: undefined };
	const response = {
		status(code: number) {
			sent.status = code;
			return response;
		},
		json(body: unknown) {
			sent.body = body;
			return response;
		},
	};
	return { sent, response };
}

/** What n8n does with a GET on a node's webhook: calls webhook() with the request, answers with what it returned. */
async function deliver(workflow: Workflow, node: INode, url: string, runExecutionData: IRunExecutionData | null = null): Promise<Delivery> {
	const type = fx.pkg.nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
	const query = Object.fromEntries(new URL(url, 'http://127.0.0.1').searchParams);
	const { sent, response } = responseRecorder();
	const executionId = newExecutionId();
	const hooks = new ExecutionLifecycleHooks('webhook', executionId, {
		id: 'idverify-test',
		nodes: workflow.nodes,
		connections: {},
	} as never);
	const additionalData = {
		...additionalDataFor(fx.pkg, fx.credentials, executionId, hooks),
		httpRequest: { url, originalUrl: url, query, headers: {}, params: {}, body: {}, method: 'GET' },
		httpResponse: response,
	};
	const description = type.description.webhooks![0];
	const webhookData: IWebhookData = {
		httpMethod: 'GET',
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: 'idverify-test',
		workflowExecuteAdditionalData: additionalData as never,
	};
	const context = new WebhookContext(workflow, node, additionalData as never, 'webhook', webhookData, [], runExecutionData);
	const result = await type.webhook!.call(context);
	if (result.noWebhookResponse) return { status: sent.status, body: sent.body };
	return { status: 200, body: result.webhookResponse, workflowData: result.workflowData };
}

const credentialsOf = { aiSolutionApi: { id: 'aiSolutionApi', name: 'aiSolutionApi' } };

describe('WhatsApp Check Trigger: only signed callbacks start the workflow, each once', () => {
	const trigger: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: '',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		webhookId: 'test-webhook',
		credentials: credentialsOf,
	};
	let workflow: Workflow;
	let genuine: string;

	beforeAll(async () => {
		trigger.type = fx.pkg.type('whatsAppCheckTrigger');
		workflow = new Workflow({
			id: 'idverify-test',
			nodes: [trigger],
			connections: {},
			nodeTypes: fx.pkg.nodeTypes,
			active: true,
			staticData: {},
		});
		fx.emulator.reset();
		const callbackUrl = `${recorder.origin}/webhook/test-webhook/whatsapp`;
		const { outputs } = await fx.run(
			{ type: fx.pkg.type('whatsAppCheck'), parameters: { number: '={{ $json.number }}', options: { callbackUrl } } },
			[{ json: { number: '+62 813 8730 0001' } }],
		);
		expect(outputs[REGISTERED]).toHaveLength(1);
		await until(() => recorder.urls.length > 0);
		genuine = recorder.urls[0];
	});

	const altered = (change: (query: URLSearchParams) => void) => {
		const url = new URL(genuine, 'http://127.0.0.1');
		change(url.searchParams);
		return `${url.pathname}?${url.searchParams.toString()}`;
	};

	test('the vendor got the Callback URL with a token, and its callback starts the workflow with the result', async () => {
		expect(new URL(genuine, 'http://127.0.0.1').searchParams.get(TOKEN_PARAMETER)).toMatch(/^\d+\.[\w-]{43}$/);
		const delivery = await deliver(workflow, trigger, genuine);
		expect(delivery.status).toBe(200);
		expect(delivery.workflowData).toHaveLength(1);
		const run = await execute(fx.pkg, fx.credentials, [trigger], {}, delivery.workflowData, 'webhook');
		const items = run.data.resultData.runData.Trigger[0].data!.main[0]!;
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				number: '+6281387300001',
				verdict: 'Registered',
				registered: true,
				final: true,
				whatsapp: 'yes',
				businessUser: false,
				avatar: true,
			}),
		]);
		expect(JSON.stringify(items)).not.toContain(fx.credentials.aiSolutionApi.token);
	});

	test('a repeated callback starts nothing', async () => {
		const again = await deliver(workflow, trigger, genuine);
		expect(again.status).toBe(200);
		expect(again.workflowData).toBeUndefined();
	});

	test('a callback that is not final (still checking) starts the workflow but does not use up the check', async () => {
		const checking = await deliver(
			workflow,
			trigger,
			altered((query) => query.set('whatsapp', 'checking')),
		);
		expect(checking.status).toBe(200);
		expect(checking.workflowData).toHaveLength(1);
		const again = await deliver(
			workflow,
			trigger,
			altered((query) => query.set('whatsapp', 'checking')),
		);
		expect(again.workflowData).toHaveLength(1);
	});

	test.each([
		['without a token (forged)', (query: URLSearchParams) => query.delete(TOKEN_PARAMETER)],
		['with a tampered number', (query: URLSearchParams) => query.set('number', '+6281387300002')],
		[
			'with a token from another account',
			(query: URLSearchParams) => query.set(TOKEN_PARAMETER, signCallback(callbackKey('x'), 'trigger', '+6281387300001', NOW)),
		],
		[
			'with an expired token',
			(query: URLSearchParams) =>
				query.set(TOKEN_PARAMETER, signCallback(callbackKey(fx.credentials.aiSolutionApi.token), 'trigger', '+6281387300001', 1000)),
		],
	])('a callback %s gets 403 and starts nothing', async (_name, change) => {
		const delivery = await deliver(workflow, trigger, altered(change));
		expect(delivery.status).toBe(403);
		expect(delivery.workflowData).toBeUndefined();
		expect(JSON.stringify(delivery.body)).toMatch(/refused/);
	});
});

describe("WhatsApp Check: wait for the vendor's callback", () => {
	const nodes = (parameters: IDataObject): INode[] => [
		{ id: 'input', name: 'Input', type: INPUT_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'check',
			name: 'Check',
			type: fx.pkg.type('whatsAppCheck'),
			typeVersion: 1,
			position: [200, 0],
			parameters: parameters as never,
			credentials: credentialsOf,
		},
	];
	const connections: IConnections = { Input: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } };

	/** Runs Input → Check with the resume URLs on the recorder, as n8n runs a workflow; resolves when it finishes or waits. */
	async function run(
		items: IDataObject[],
		parameters: IDataObject,
		from?: IRunExecutionData,
	): Promise<{ run: IRun; workflow: Workflow; data: IRunExecutionData }> {
		const list = nodes({ number: '={{ $json.number }}', waitForFinal: 'callback', callbackMaxWaitSeconds: 60, ...parameters });
		list[0].parameters = { items: itemsParameter(items.map((json) => ({ json }))) };
		const executionId = from ? 'test-waiting' : 'test-waiting';
		const workflow = new Workflow({
			id: 'idverify-test',
			nodes: list,
			connections,
			nodeTypes: fx.pkg.nodeTypes,
			active: false,
			settings: { executionOrder: 'v1' },
		});
		const hooks = new ExecutionLifecycleHooks('webhook', executionId, {
			id: 'idverify-test',
			nodes: list,
			connections,
			settings: {},
		} as never);
		let done: (run: IRun) => void = () => {};
		const finished = new Promise<IRun>((resolve) => (done = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => done(fullRunData));
		const additionalData = {
			...additionalDataFor(fx.pkg, fx.credentials, executionId, hooks),
			webhookWaitingBaseUrl: `${recorder.origin}/webhook-waiting`,
		};
		const data =
			from ??
			createRunExecutionData({
				executionData: { nodeExecutionStack: [{ node: list[0], data: { main: [[{ json: {} }]] }, source: null }] },
			});
		if (from) data.executionData!.nodeExecutionStack[0].node = list[1];
		await new WorkflowExecute(additionalData, 'webhook', data).processRunExecutionData(workflow);
		return { run: await finished, workflow, data };
	}
	const outputsOf = (result: IRun) => (result.data.resultData.runData.Check?.at(-1)?.data?.main ?? []).map((items) => items ?? []);

	test('a number already decided goes on at once, without waiting', async () => {
		const { run: result } = await run([{ number: '+62 813 8730 0006' }], {});
		expect(result.waitTill).toBeFalsy();
		expect(outputsOf(result)[NOT_REGISTERED].map((item) => item.json)).toEqual([
			expect.objectContaining({ number: '+6281387300006', final: true }),
		]);
	});

	test('a number being checked pauses the execution; the callback resumes it on Registered', async () => {
		const { run: waiting, workflow, data } = await run([{ number: '+62 813 8730 0018' }], {});
		expect(waiting.waitTill).toBeInstanceOf(Date);
		expect(outputsOf(waiting)[CHECKING].map((item) => item.json)).toEqual([
			expect.objectContaining({ number: '+6281387300018', waitingForCallbackUntil: expect.any(String) }),
		]);

		// The vendor calls this execution's resume URL, with the token, once it knows.
		const ours = () => recorder.urls.filter((url) => url.includes('6281387300018'));
		await until(() => ours().length > 0);
		const [called] = ours();
		expect(called).toMatch(/^\/webhook-waiting\/test-waiting\?/);
		expect(new URL(called, 'http://127.0.0.1').searchParams.get('whatsapp')).toBe('yes');

		// A forged or tampered callback is refused and leaves the execution waiting.
		const check = workflow.getNode('Check')!;
		const forged = await deliver(workflow, check, called.replace(/idv_token=[^&]+/, 'idv_token=1.x'), data);
		expect(forged.status).toBe(403);
		const tampered = await deliver(workflow, check, called.replace(/number=[^&]+/, 'number=%2B6281387300011'), data);
		expect(tampered.status).toBe(403);

		// As n8n resumes a waiting execution: the node's webhook() output replaces the node's data, every output on.
		const delivery = await deliver(workflow, check, called, data);
		expect(delivery.workflowData?.[REGISTERED]).toHaveLength(1);
		const entry = data.executionData!.nodeExecutionStack[0];
		entry.node = { ...entry.node, disabled: true };
		entry.data = { main: delivery.workflowData! };
		entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
		data.waitTill = undefined;
		data.resultData.runData.Check.pop();
		const { run: resumed } = await run([], {}, data);
		expect(resumed.status).toBe('success');
		const outputs = outputsOf(resumed);
		// n8n's own resume token (`signature`) stays out; the vendor's `signature` (the profile text) is read.
		expect(called).toMatch(/\?signature=[^&]+&idv_token=[^&]+&number=/);
		expect(outputs[REGISTERED].map((item) => item.json)).toEqual([
			expect.objectContaining({ number: '+6281387300018', registered: true, final: true, signature: 'Saya suka global' }),
		]);
		expect([outputs[NOT_REGISTERED], outputs[CHECKING], outputs[FAILED]]).toEqual([[], [], []]);
	}, 20_000);

	test('without a callback by the maximum wait, the number leaves on Checking', async () => {
		const { run: waiting, data } = await run([{ number: '+62 813 8730 0028' }], { callbackMaxWaitSeconds: 1 });
		expect(waiting.waitTill).toBeInstanceOf(Date);
		// As n8n resumes an execution whose wait ran out: from its stored data, with waitTill still set.
		const { run: resumed } = await run([], {}, data);
		expect(resumed.status).toBe('success');
		const outputs = outputsOf(resumed);
		expect(outputs[CHECKING].map((item) => item.json)).toEqual([expect.objectContaining({ number: '+6281387300028', final: false })]);
		expect([outputs[REGISTERED], outputs[NOT_REGISTERED], outputs[FAILED]]).toEqual([[], [], []]);
	});

	test('several items are refused: one number per execution, nothing asked of the vendor', async () => {
		const { run: result } = await run([{ number: '+6281387300001' }, { number: '+6281387300002' }], {});
		expect(result.data.resultData.error?.message).toMatch(/one number per execution, and this run has 2 items/);
		expect(fx.emulator.accounting().calls).toEqual([]);
	});

	test("an n8n that resumes a node on its first output only (1.x), and an AI agent's tool call, are refused", () => {
		const node = { id: 'check', name: 'Check', type: 'whatsAppCheck', typeVersion: 1, position: [0, 0], parameters: {} };
		const context = (extra: IDataObject) => ({ getInputData: () => [{ json: {} }], getNode: () => node, ...extra }) as never;
		expect(waitModeRefusal(context({}))?.message).toMatch(/needs n8n 2\.x/);
		expect(waitModeRefusal(context({ onExecutionFinish: () => {}, isToolExecution: () => true }))?.message).toMatch(/AI agent/);
		expect(waitModeRefusal(context({ onExecutionFinish: () => {}, isToolExecution: () => false }))).toBeNull();
	});
});
