import { setTimeout as delay } from 'timers/promises';
import { createClient, fetchTransport, type Transport, type TransportRequest } from '../core';
import { startEmulatorProcess } from './emulatorProcess';
import { makeJpeg } from './support/images';
import { ms, summary } from './stats';

/**
 * The core's own time per call — encode, build, parse, normalize — for a 150 KB image, against the
 * emulator at zero latency. Own time = whole call minus the time spent inside the transport (network + emulator).
 */
export async function benchCoreOverhead(calls = 2000): Promise<string> {
	const emulator = await startEmulatorProcess();
	try {
		const secrets = { aisolution: { token: emulator.credentials.token } };
		const inner = fetchTransport(secrets);
		let transportMs = 0;
		let lastRequest: TransportRequest | undefined;
		const timed: Transport = async (request) => {
			lastRequest = request;
			const t0 = performance.now();
			try {
				return await inner(request);
			} finally {
				transportMs += performance.now() - t0;
			}
		};
		const client = createClient({
			sleep: delay,
			transport: timed,
			baseUrls: emulator.baseUrls,
			secrets: [secrets.aisolution.token],
			concurrency: 1,
		});
		const image = makeJpeg(1200, 800, { padToBytes: 150 * 1024 });
		const own: number[] = [];
		for (let i = 0; i < calls + 100; i++) {
			transportMs = 0;
			const t0 = performance.now();
			// A fresh scope per call, as n8n and GraphQL use them (the image is hashed for dedupe), so nothing is reused.
			const result = await client.scope().call('deIdCard', { img: image });
			const total = performance.now() - t0;
			if (result.outcome !== 'success') throw new Error(`benchmark call ended ${result.outcome}: ${result.message}`);
			if (i >= 100) own.push(total - transportMs); // the first 100 warm the JIT
		}
		// The same work with the emulator's recorded answer replayed at once: no socket, no event-loop waits.
		const recorded = await inner(lastRequest!);
		const replay = createClient({ sleep: delay, transport: async () => recorded, concurrency: 1 });
		const pure: number[] = [];
		for (let i = 0; i < calls + 100; i++) {
			const t0 = performance.now();
			await replay.scope().call('deIdCard', { img: image });
			if (i >= 100) pure.push(performance.now() - t0);
		}
		const s = summary(own);
		const p = summary(pure);
		return [
			`core overhead per call: deIdCard, ${(image.length / 1024).toFixed(0)} KB JPEG, ${s.n} calls after 100 warm-up, goal ≤ 2 ms`,
			`  against the emulator (other process, zero latency), whole call minus time inside the transport:`,
			`    median ${ms(s.median)}   p95 ${ms(s.p95)}   p99 ${ms(s.p99)}`,
			`  the emulator's answer replayed without I/O (encode, build, parse, normalize only):`,
			`    median ${ms(p.median)}   p95 ${ms(p.p95)}   p99 ${ms(p.p99)}`,
		].join('\n');
	} finally {
		await emulator.close();
	}
}
