import { itemsOf, outputItems, readExecutions, type StoredExecution } from '../../scripts/n8n/executions';
import { freePort, type RunningN8n } from '../../scripts/n8n/instance';
import { WHATSAPP_BRANCHES } from '../../nodes/WhatsAppCheck/actions/check.operation';
import { branch, useRealN8n } from './realN8n';
import { idverifyNode, noOp, sampleItems, workflow, type NodeJson } from './workflowBuilder';

/**
 * The vendor's callback through a running n8n: a published workflow checks numbers with the WhatsApp Check
 * node's Callback URL set to a WhatsApp Check Trigger in a second published workflow; the emulator calls that
 * URL with the final result (at once for a decided number, after the "checking" delay for the other), and
 * each call starts the second workflow.
 */

const WEBHOOK_ID = 'idv-e2e-whatsapp-callback';
const START_PATH = 'idv-e2e-check-numbers';
let port = 0;

const webhookTrigger: NodeJson = {
	id: '00000000-0000-4000-8000-00000000aaaa',
	name: 'Start (GET)',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	parameters: { httpMethod: 'GET', path: START_PATH, responseMode: 'onReceived', options: {} },
	webhookId: '00000000-0000-4000-8000-00000000bbbb',
};

const checker = () =>
	workflow(
		'idvE2eWaChecker',
		'e2e: WhatsApp check with a callback',
		[
			webhookTrigger,
			sampleItems('Numbers', [{ json: { phone: '+62 813 8730 0001' } }, { json: { phone: '+62 813 8730 0018' } }]),
			idverifyNode('WhatsApp Check', 'whatsAppCheck', {
				number: '={{ $json.phone }}',
				waitForFinal: 'none',
				options: { callbackUrl: `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/whatsapp` },
			}),
		],
		[
			['Start (GET)', 0, 'Numbers'],
			['Numbers', 0, 'WhatsApp Check'],
		],
	);

const receiver = () =>
	workflow(
		'idvE2eWaReceiver',
		'e2e: WhatsApp callback receiver',
		[idverifyNode('WhatsApp Check Trigger', 'whatsAppCheckTrigger', {}, { credentials: 'none', webhookId: WEBHOOK_ID }), noOp('Received')],
		[['WhatsApp Check Trigger', 0, 'Received']],
	);

beforeAll(async () => {
	port = await freePort();
});
const real = useRealN8n('callback', { workflows: () => [checker(), receiver()], whatsappCheckingMs: 2000 });

describe('WhatsApp Check Trigger receives the vendor callbacks in a running n8n', () => {
	let running: RunningN8n | undefined;
	let checked: StoredExecution;
	let received: StoredExecution[];

	beforeAll(async () => {
		await real.n8n.publishWorkflow('idvE2eWaChecker');
		await real.n8n.publishWorkflow('idvE2eWaReceiver');
		running = await real.n8n.start(port);
		// Published workflows are activated after the editor is ready: until then the webhook answers 404.
		let start = await fetch(`${running.url}/webhook/${START_PATH}`);
		for (let tries = 0; start.status === 404 && tries < 60; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			start = await fetch(`${running.url}/webhook/${START_PATH}`);
		}
		expect(start.status).toBe(200);

		const read = (id: string) => readExecutions(real.n8n.databaseFile, real.n8n.install.dir, id).filter((execution) => execution.finished || execution.status === 'error');
		const deadline = Date.now() + 90_000;
		while (read('idvE2eWaReceiver').length < 2 || read('idvE2eWaChecker').length < 1) {
			if (Date.now() > deadline) throw new Error(`expected 2 callbacks within 90 s; got ${read('idvE2eWaReceiver').length}; log: ${real.n8n.logFile}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		[checked] = read('idvE2eWaChecker');
		received = read('idvE2eWaReceiver');
	}, 300_000);

	afterAll(async () => {
		await running?.stop();
	});

	test('the checking workflow ran: one number decided, one still being checked', () => {
		expect(checked.status).toBe('success');
		const out = (name: string) => outputItems(checked, 'WhatsApp Check', branch(WHATSAPP_BRANCHES, name)).map((item) => item.json.number);
		expect(out('Registered')).toEqual(['+6281387300001']);
		expect(out('Checking')).toEqual(['+6281387300018']);
	});

	test('each callback started the receiving workflow with the final, parsed result', () => {
		for (const execution of received) expect(execution.status).toBe('success');
		const results = received.flatMap((execution) => itemsOf(execution, 'Received').map((item) => item.json));
		expect(results.sort((a, b) => String(a.number).localeCompare(String(b.number)))).toEqual([
			expect.objectContaining({ number: '+6281387300001', verdict: 'Registered', registered: true, final: true }),
			expect.objectContaining({ number: '+6281387300018', verdict: 'Registered', registered: true, final: true }),
		]);
	});

	test('the emulator delivered exactly one callback per number', () => {
		const callbacks = real.sandbox.emulator.accounting().callbacks;
		expect(callbacks).toHaveLength(2);
	});
});

describe('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real.packageErrors()).toEqual([]);
	});
});
