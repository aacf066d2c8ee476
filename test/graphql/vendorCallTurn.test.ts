import { createClient, getOperation, type TransportRequest } from '../../core';
import { createLogger } from '../../graphql/src/log';
import { Metrics } from '../../graphql/src/metrics';
import { Budgets } from '../../graphql/src/security/budget';
import { MemoryCounters } from '../../graphql/src/state/counters';
import { VendorBytes } from '../../graphql/src/vendorBytes';
import { VendorCalls } from '../../graphql/src/vendorCalls';

/**
 * A vendor call starts its local work in the next turn of the event loop, so work already queued in this turn
 * (answers on their way back to clients) goes first. The transport records when the call reaches it.
 */
it('a vendor call reaches the transport only after what this event-loop turn had queued', async () => {
	const order: string[] = [];
	const client = createClient({
		sleep: async () => {},
		transport: async (request: TransportRequest) => {
			order.push(`sent ${request.url}`);
			return { status: 200, headers: {}, body: JSON.stringify({ code: 200, msg: 'ok', data: {} }) };
		},
		baseUrls: { aisolution: 'http://127.0.0.1:1' },
	});
	const key = { name: 'k', sha256: '0'.repeat(64), budgetPerDay: 10, ratePerMinute: 10 };
	const calls = new VendorCalls(
		client.scope(),
		key,
		new Budgets(new MemoryCounters()),
		createLogger('error'),
		new Metrics(),
		new VendorBytes(1e6),
	);

	setImmediate(() => order.push('queued before the call'));
	const done = calls.call(getOperation('faceDelete'), { person_id: 'p-1' });
	await new Promise((resolve) => process.nextTick(resolve));
	expect(order).toEqual([]);
	await done;
	expect(order).toEqual(['queued before the call', expect.stringMatching(/^sent http:\/\/127\.0\.0\.1:1\//)]);
});
