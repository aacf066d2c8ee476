import { itemsOf, outputItems, type StoredExecution } from '../../scripts/n8n/executions';
import { CREDENTIAL_IDS, sandboxCredentials } from '../../scripts/n8n/sandbox';
import { WHATSAPP_BRANCHES } from '../../nodes/WhatsAppCheck/actions/check.operation';
import { editorAuthField, type NodeTypeDescription } from './editorRules';
import { branch, callWebhook, useRealN8n } from './realN8n';
import { idverifyNode, noOp, sampleItems, workflow, type NodeJson } from './workflowBuilder';

/**
 * A running n8n (`n8n start`), for what only a server does.
 *
 * The vendor's callback: a published workflow checks numbers with the WhatsApp Check
 * node's Callback URL set to a WhatsApp Check Trigger in a second published workflow; the emulator calls that
 * URL with the final result (at once for a decided number, after the "checking" delay for the other), and
 * each call starts the second workflow.
 *
 * The credentials' "Test" button: n8n runs each credential type's test request against the emulator.
 */

const WEBHOOK_ID = 'idv-e2e-whatsapp-callback';
const START_PATH = 'idv-e2e-check-numbers';

const webhookTrigger: NodeJson = {
	id: '00000000-0000-4000-8000-00000000aaaa',
	name: 'Start (GET)',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	parameters: { httpMethod: 'GET', path: START_PATH, responseMode: 'onReceived', options: {} },
	webhookId: '00000000-0000-4000-8000-00000000bbbb',
};

const checker = (webhookOrigin: string) =>
	workflow(
		'idvE2eWaChecker',
		'e2e: WhatsApp check with a callback',
		[
			webhookTrigger,
			sampleItems('Numbers', [{ json: { phone: '+62 813 8730 0001' } }, { json: { phone: '+62 813 8730 0018' } }]),
			idverifyNode('WhatsApp Check', 'whatsAppCheck', {
				number: '={{ $json.phone }}',
				waitForFinal: 'none',
				options: { callbackUrl: `${webhookOrigin}/webhook/${WEBHOOK_ID}/whatsapp` },
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
		[
			idverifyNode('WhatsApp Check Trigger', 'whatsAppCheckTrigger', {}, { credentials: 'aiSolution', webhookId: WEBHOOK_ID }),
			noOp('Received'),
		],
		[['WhatsApp Check Trigger', 0, 'Received']],
	);

// In queue mode the webhook processor takes the GET that starts the check and the vendor's callbacks.
const real = useRealN8n('running', {
	workflows: ({ webhook }) => [checker(webhook), receiver()],
	whatsappCheckingMs: 2000,
	server: true,
	publish: ['idvE2eWaChecker', 'idvE2eWaReceiver'],
});

describe('WhatsApp Check Trigger receives the vendor callbacks in a running n8n', () => {
	let checked: StoredExecution;
	let received: StoredExecution[];

	beforeAll(async () => {
		const start = await callWebhook(`${real.webhookOrigin}/webhook/${START_PATH}`);
		expect(start.status).toBe(200);
		[checked] = await real.waitForExecutions('idvE2eWaChecker', { timeoutMs: 90_000 });
		received = await real.waitForExecutions('idvE2eWaReceiver', { count: 2, timeoutMs: 90_000 });
		// The emulator records a delivery once n8n's answer has arrived, which can be after the execution ended.
		const deadline = Date.now() + 30_000;
		while (real.sandbox.emulator.accounting().callbacks.length < 2 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 250));
	}, 300_000);

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

	if (real.mode === 'queue') {
		test('in queue mode the callbacks went to the webhook processor, which the main leaves production webhooks to', () => {
			const webhookProcessor = real.queue?.processes.webhook.url;
			expect(real.sandbox.emulator.accounting().callbacks.map((callback) => callback.url.startsWith(`${webhookProcessor}/`))).toEqual([
				true,
				true,
			]);
		});
	}
});

describe('the credentials\' "Test" button in a running n8n', () => {
	let cookie = '';
	beforeAll(async () => {
		cookie = await real.cookie();
	});

	/** What the editor sends when a user clicks "Test" in a credential's dialog (values as typed there). */
	async function testCredential(id: string, changes: Record<string, string>): Promise<{ status: string; message?: string }> {
		const stored = sandboxCredentials(real.sandbox.emulator).find((credential) => credential.id === id);
		if (!stored) throw new Error(`no credential ${id}`);
		const response = await fetch(`${real.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ credentials: { ...stored, data: { ...stored.data, ...changes } } }),
		});
		expect(response.status).toBe(200);
		return ((await response.json()) as { data: { status: string; message?: string } }).data;
	}

	test('AI Solution API: the sandbox token passes, a wrong token fails with a message', async () => {
		expect(await testCredential(CREDENTIAL_IDS.aiSolution, {})).toMatchObject({ status: 'OK' });
		const wrong = await testCredential(CREDENTIAL_IDS.aiSolution, { token: 'not-the-token' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/token/i);
	});

	test('AccuAuth API: the sandbox ID and secret pass, a wrong secret fails with a message', async () => {
		expect(await testCredential(CREDENTIAL_IDS.accuAuth, {})).toMatchObject({ status: 'OK' });
		const wrong = await testCredential(CREDENTIAL_IDS.accuAuth, { apiSecret: 'not-the-secret' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/AccuAuth|secret/i);
	});
});

describe('the node and credential types as n8n serves them to its editor', () => {
	let types: NodeTypeDescription[] = [];
	let credentialTypes: Array<{ name: string }> = [];
	beforeAll(async () => {
		const cookie = await real.cookie();
		const get = async <T>(path: string) => (await (await fetch(`${real.url}${path}`, { headers: { cookie } })).json()) as T;
		types = (await get<NodeTypeDescription[]>('/types/nodes.json')).filter((type) => type.name.startsWith('n8n-nodes-idverify.'));
		credentialTypes = await get<Array<{ name: string }>>('/types/credentials.json');
	});

	test('all five nodes and both credentials are known under the names users get, plus AI-tool versions of the three usable as tools', () => {
		expect(types.map((type) => type.name).sort()).toEqual(
			[
				'faceMatch',
				'faceSearch',
				'faceSearchTool',
				'idDocumentOcr',
				'idDocumentOcrTool',
				'whatsAppCheck',
				'whatsAppCheckTool',
				'whatsAppCheckTrigger',
			].map((name) => `n8n-nodes-idverify.${name}`),
		);
		expect(credentialTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['aiSolutionApi', 'accuAuthApi']));
	});

	test('no parameter is taken out of the settings panel as an "authentication" field (e.g. Country)', () => {
		const hidden = types.flatMap((type) => {
			const field = editorAuthField(type);
			return field && field.name !== 'authentication' ? [`${type.name}: "${field.name}" would only show in the credential dialog`] : [];
		});
		expect(hidden).toEqual([]);
	});
});

describe('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real.packageErrors()).toEqual([]);
	});
});
