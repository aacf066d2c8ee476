import { outputItems, type StoredExecution } from '../../scripts/n8n/executions';
import { WHATSAPP_BRANCHES } from '../../nodes/WhatsAppCheck/actions/check.operation';
import { builtDescription, describeIf, findOptionValue, findParameter, setParameter } from './features';
import { branch, callWebhook, useRealN8n } from './realN8n';
import { idverifyNode, workflow, type NodeJson } from './workflowBuilder';

/**
 * WhatsApp Check's "Wait for the vendor's callback" mode in a running n8n (queue mode too, where the webhook
 * processor takes the callback and a worker resumes the execution): the execution waits, the emulator calls
 * back with the final answer, and the same execution finishes with it on Registered. Without a callback in
 * time, the maximum wait sends the item to Checking.
 */

const description = builtDescription('whatsAppCheck');
const waitMode = findOptionValue(description, /vendor'?s callback/i);
const maxWait = waitMode
	? (description.properties.find(
			(property) =>
				/maximum wait/i.test(property.displayName) && property.displayOptions?.show?.[waitMode.parameter.name]?.includes(waitMode.value),
		) ?? null)
	: null;
const maxWaitParameter = maxWait ? { name: maxWait.name, property: maxWait } : findParameter(description, /maximum wait/i);
/** Seconds per unit of the maximum wait, from its label ("… (Seconds)", "… (Minutes)"). */
const unitSeconds = /minute/i.test(maxWaitParameter?.property.displayName ?? '') ? 60 : 1;

// "Checking" numbers turn final (and are called back) this long after the first question.
const CHECKING_MS = 8000;
const LONG_WAIT_SECONDS = 120;

const start = (name: string, path: string, webhookId: string): NodeJson => ({
	id: webhookId.replace(/.$/, 'f'),
	name,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	parameters: { httpMethod: 'GET', path, responseMode: 'onReceived', options: {} },
	webhookId,
});

function waiting(id: string, path: string, webhookId: string, maxWaitSeconds: number) {
	if (!waitMode || !maxWaitParameter) return workflow(id, id, [start('Start', path, webhookId)], []);
	let parameters: Record<string, unknown> = { number: '={{ $json.query.phone }}', options: {} };
	parameters = setParameter(parameters, waitMode.parameter, waitMode.value);
	parameters = setParameter(parameters, maxWaitParameter, Math.max(1, Math.ceil(maxWaitSeconds / unitSeconds)));
	return workflow(
		id,
		`e2e: WhatsApp Check waits for the callback (${maxWaitSeconds} s)`,
		[start('Start', path, webhookId), idverifyNode('WhatsApp Check', 'whatsAppCheck', parameters)],
		[['Start', 0, 'WhatsApp Check']],
	);
}

const long = waiting('idvE2eWaWaitLong', 'idv-e2e-wait-long', '00000000-0000-4000-8000-0000000e0001', LONG_WAIT_SECONDS);
// Shorter than the callback's delay: the maximum wait runs out first.
const short = waiting('idvE2eWaWaitShort', 'idv-e2e-wait-short', '00000000-0000-4000-8000-0000000e0002', unitSeconds === 1 ? 2 : 60);

const available = !!waitMode && !!maxWaitParameter;
const describeWait = describeIf(
	available,
	'WhatsApp Check has no "Wait for the vendor\'s callback" mode with a Maximum Wait in dist/ yet: the wait-for-callback e2e tests did not run',
);

const real = available
	? useRealN8n('wait-callback', {
			workflows: () => [long, short],
			// A short expiry in minutes needs the callback to come later still.
			whatsappCheckingMs: unitSeconds === 1 ? CHECKING_MS : 90_000,
			server: true,
			publish: [long.id, short.id],
		})
	: undefined;

const numbersOf = (execution: StoredExecution, name: string) =>
	outputItems(execution, 'WhatsApp Check', branch(WHATSAPP_BRANCHES, name)).map((item) => item.json);

describeWait("WhatsApp Check waits for the vendor's callback in the same execution", () => {
	let execution: StoredExecution;
	let sawWaiting = false;
	beforeAll(async () => {
		if (!real) return;
		const before = real.n8n.database.lastExecutionId();
		const response = await callWebhook(`${real.webhookOrigin}/webhook/idv-e2e-wait-long?phone=${encodeURIComponent('+62 813 8730 0018')}`);
		expect(response.status).toBe(200);
		// The execution waits while the vendor is still checking.
		const [paused] = await real.waitForExecutions(long.id, {
			afterId: before,
			timeoutMs: 60_000,
			done: (run) => run.status === 'waiting' || run.finished,
		});
		sawWaiting = paused.status === 'waiting';
		[execution] = await real.waitForExecutions(long.id, { afterId: before, timeoutMs: 120_000 });
	}, 300_000);

	test('the execution was waiting before the callback came', () => {
		expect(sawWaiting).toBe(true);
	});

	test('the same execution finished with the final answer on Registered', () => {
		expect(execution.status).toBe('success');
		expect(numbersOf(execution, 'Registered')).toEqual([
			expect.objectContaining({ number: '+6281387300018', registered: true, final: true }),
		]);
		expect(numbersOf(execution, 'Checking')).toEqual([]);
		expect(real?.n8n.database.executions(long.id)).toHaveLength(1);
	});

	test('the emulator called back once and n8n accepted it', () => {
		const callbacks = real?.sandbox.emulator.accounting().callbacks ?? [];
		expect(callbacks.filter((callback) => callback.url.includes('/webhook-waiting/'))).toEqual([
			expect.objectContaining({ httpStatus: 200 }),
		]);
	});
});

describeWait('WhatsApp Check stops waiting after the maximum wait', () => {
	let execution: StoredExecution;
	beforeAll(async () => {
		if (!real) return;
		const before = real.n8n.database.lastExecutionId();
		const response = await callWebhook(`${real.webhookOrigin}/webhook/idv-e2e-wait-short?phone=${encodeURIComponent('+62 813 8730 0028')}`);
		expect(response.status).toBe(200);
		[execution] = await real.waitForExecutions(short.id, { afterId: before, timeoutMs: 240_000 });
	}, 300_000);

	test('the item leaves on Checking, not final', () => {
		expect(execution.status).toBe('success');
		expect(numbersOf(execution, 'Checking')).toEqual([expect.objectContaining({ number: '+6281387300028', final: false })]);
		expect(numbersOf(execution, 'Registered')).toEqual([]);
	});
});

describeWait('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real?.packageErrors()).toEqual([]);
	});
});
