import { itemsOf } from '../../scripts/n8n/executions';
import { startCallbackRecorder, type CallbackRecorder } from './callbackRecorder';
import { builtDescription, describeIf, findParameter, setParameter } from './features';
import { callWebhook, useRealN8n } from './realN8n';
import { idverifyNode, noOp, workflow, type NodeJson } from './workflowBuilder';

/**
 * Callbacks no one can forge: the WhatsApp Check node signs the callback URL it gives the vendor (a token over the
 * number and an expiry, keyed from the credential) and the WhatsApp Check Trigger, given the same credential,
 * checks it. In a running n8n (and in queue mode, through the webhook processor): a genuine callback starts the
 * workflow; a forged one, a tampered number and an expired token get 403 and start nothing; a repeated one starts
 * nothing new. The vendor's callbacks pass through a recorder on loopback, so the tests can replay and alter a
 * genuine one.
 */

const trigger = builtDescription('whatsAppCheckTrigger');
const signed = (trigger.credentials ?? []).some((credential) => credential.name === 'aiSolutionApi');
const lifetime = findParameter(
	builtDescription('whatsAppCheck'),
	/(token|link|callback).*(valid|lifetime|expir)|(valid|expir).*(callback|token|link)/i,
);
const lifetimeUnitSeconds = /minute/i.test(lifetime?.property.displayName ?? '')
	? 60
	: /hour/i.test(lifetime?.property.displayName ?? '')
		? 3600
		: 1;

const WEBHOOK_ID = 'idv-e2e-signed-callback';
/** What the vendor itself puts in a callback's query; anything else the node added (the token). */
const VENDOR_FIELDS = new Set(['number', 'whatsapp', 'status_update', 'signature', 'business_user', 'avatar']);
// "Checking" numbers are called back this long after the first question.
const CHECKING_MS = 4000;

const start = (path: string, webhookId: string): NodeJson => ({
	id: webhookId.replace(/.$/, 'f'),
	name: 'Start',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	parameters: { httpMethod: 'GET', path, responseMode: 'onReceived', options: {} },
	webhookId,
});

function checker(
	id: string,
	path: string,
	webhookId: string,
	callbackOrigin: string,
	extra: (parameters: Record<string, unknown>) => Record<string, unknown>,
) {
	const parameters = extra({
		number: '={{ $json.query.phone }}',
		waitForFinal: 'none',
		options: { callbackUrl: `${callbackOrigin}/webhook/${WEBHOOK_ID}/whatsapp` },
	});
	return workflow(
		id,
		`e2e: ${id}`,
		[start(path, webhookId), idverifyNode('WhatsApp Check', 'whatsAppCheck', parameters)],
		[['Start', 0, 'WhatsApp Check']],
	);
}

const receiver = () =>
	workflow(
		'idvE2eSignedReceiver',
		'e2e: signed WhatsApp callback receiver',
		[
			idverifyNode('WhatsApp Check Trigger', 'whatsAppCheckTrigger', {}, { credentials: 'aiSolution', webhookId: WEBHOOK_ID }),
			noOp('Received'),
		],
		[['WhatsApp Check Trigger', 0, 'Received']],
	);

const describeSigned = describeIf(
	signed,
	'the WhatsApp Check Trigger in dist/ takes no AI Solution credential to verify callbacks yet: the signed-callback e2e tests did not run',
);

let recorder: CallbackRecorder | undefined;
const real = signed
	? (() => {
			beforeAll(async () => {
				recorder = await startCallbackRecorder(() => real?.webhookOrigin ?? '');
			});
			afterAll(async () => {
				await recorder?.close();
			});
			return useRealN8n('signed-callbacks', {
				workflows: () => {
					const origin = recorder?.origin ?? '';
					const expiring = (parameters: Record<string, unknown>) => (lifetime ? setParameter(parameters, lifetime, 1) : parameters);
					return [
						checker(
							'idvE2eSignedChecker',
							'idv-e2e-signed-check',
							'00000000-0000-4000-8000-0000000f0001',
							origin,
							(parameters) => parameters,
						),
						checker('idvE2eSignedExpiring', 'idv-e2e-signed-expiring', '00000000-0000-4000-8000-0000000f0002', origin, expiring),
						receiver(),
					];
				},
				// An expiring token needs the callback later than its lifetime.
				whatsappCheckingMs: lifetime ? CHECKING_MS + lifetimeUnitSeconds * 1000 : CHECKING_MS,
				server: true,
				publish: ['idvE2eSignedChecker', 'idvE2eSignedExpiring', 'idvE2eSignedReceiver'],
			});
		})()
	: undefined;

const received = () => real?.n8n.database.executions('idvE2eSignedReceiver') ?? [];
const settle = () => new Promise((resolve) => setTimeout(resolve, 4000));

describeSigned('signed WhatsApp callbacks in a running n8n', () => {
	let genuine = '';
	beforeAll(async () => {
		if (!real || !recorder) return;
		const response = await callWebhook(
			`${real.webhookOrigin}/webhook/idv-e2e-signed-check?phone=${encodeURIComponent('+62 813 8730 0001')}`,
		);
		expect(response.status).toBe(200);
		await real.waitForExecutions('idvE2eSignedReceiver', { timeoutMs: 60_000 });
		genuine = recorder.calls[0]?.path ?? '';
	}, 300_000);

	/** The genuine callback with its query changed. */
	const altered = (change: (query: URLSearchParams) => void) => {
		const url = new URL(genuine, 'http://relay');
		change(url.searchParams);
		return `${url.pathname}?${url.searchParams.toString()}`;
	};
	const send = async (path: string) => (await fetch(`${real?.webhookOrigin}${path}`)).status;

	test('a genuine callback carries a token and starts the workflow with the final answer', () => {
		expect(recorder?.calls).toEqual([expect.objectContaining({ status: 200 })]);
		const added = [...new URL(genuine, 'http://relay').searchParams.keys()].filter((key) => !VENDOR_FIELDS.has(key));
		expect(added.length).toBeGreaterThan(0);
		const results = received().flatMap((execution) => itemsOf(execution, 'Received').map((item) => item.json));
		expect(results).toEqual([expect.objectContaining({ number: '+6281387300001', registered: true, final: true })]);
	});

	test('a forged callback (no token) gets 403 and starts nothing', async () => {
		const before = received().length;
		expect(
			await send(altered((query) => [...query.keys()].filter((key) => !VENDOR_FIELDS.has(key)).forEach((key) => query.delete(key)))),
		).toBe(403);
		await settle();
		expect(received()).toHaveLength(before);
	});

	test('a tampered number gets 403 and starts nothing', async () => {
		const before = received().length;
		expect(await send(altered((query) => query.set('number', '+6281387300002')))).toBe(403);
		await settle();
		expect(received()).toHaveLength(before);
	});

	test('a repeated callback starts nothing new', async () => {
		const before = received().length;
		const status = await send(genuine);
		expect(status).toBeLessThan(500);
		await settle();
		expect(received()).toHaveLength(before);
	});

	(lifetime ? test : test.skip)(
		'an expired token gets 403 and starts nothing',
		async () => {
			if (!real || !recorder) return;
			const before = received().length;
			const calls = recorder.calls.length;
			const response = await callWebhook(
				`${real.webhookOrigin}/webhook/idv-e2e-signed-expiring?phone=${encodeURIComponent('+62 813 8730 0048')}`,
			);
			expect(response.status).toBe(200);
			const deadline = Date.now() + CHECKING_MS + lifetimeUnitSeconds * 1000 + 30_000;
			while (recorder.calls.length === calls && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
			expect(recorder.calls.slice(calls)).toEqual([expect.objectContaining({ status: 403 })]);
			await settle();
			expect(received()).toHaveLength(before);
		},
		300_000,
	);
	if (signed && !lifetime)
		console.warn(
			'SKIPPED: the WhatsApp Check node has no setting for how long a callback token is valid: the expired-token e2e test did not run',
		);
});

describeSigned('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real?.packageErrors()).toEqual([]);
	});
});
