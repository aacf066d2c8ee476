import { createClient, fetchTransport, type Transport } from '../core';
import { startEmulator } from '../emulator';
import { makeJpeg } from '../test/support/images';
import { ms, summary } from './stats';

/**
 * The core's own time per call — encode, build, parse, normalize — for a 150 KB image, against the
 * emulator at zero latency. Own time = whole call minus the time spent inside the transport (network + emulator).
 */
export async function benchCoreOverhead(calls = 2000): Promise<string> {
	const emulator = await startEmulator({ port: 0 });
	try {
		const secrets = { aisolution: { token: emulator.credentials.token } };
		const inner = fetchTransport(secrets);
		let transportMs = 0;
		const timed: Transport = async (request) => {
			const t0 = performance.now();
			try {
				return await inner(request);
			} finally {
				transportMs += performance.now() - t0;
			}
		};
		const client = createClient({ transport: timed, baseUrls: emulator.baseUrls, secrets: [secrets.aisolution.token], concurrency: 1 });
		const image = makeJpeg(1200, 800, { padToBytes: 150 * 1024 });
		const own: number[] = [];
		for (let i = 0; i < calls + 100; i++) {
			transportMs = 0;
			const t0 = performance.now();
			const result = await client.call('deIdCard', { img: image }); // a new scope each time: nothing reused
			const total = performance.now() - t0;
			if (result.outcome !== 'success') throw new Error(`benchmark call ended ${result.outcome}: ${result.message}`);
			if (i >= 100) own.push(total - transportMs); // the first 100 warm the JIT
		}
		const s = summary(own);
		return [
			`core overhead per call (deIdCard, ${(image.length / 1024).toFixed(0)} KB JPEG, emulator at zero latency, ${s.n} calls after 100 warm-up)`,
			`  median ${ms(s.median)}   p95 ${ms(s.p95)}   p99 ${ms(s.p99)}   goal: ≤ 2 ms`,
		].join('\n');
	} finally {
		await emulator.close();
	}
}
