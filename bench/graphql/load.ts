import { summary } from '../stats';

/** A closed-loop load generator: `connections` loops, each sending its next request when the last one answered. */
export async function load(send: () => Promise<void>, connections: number, durationMs: number) {
	const latencies: number[] = [];
	let errors = 0;
	const end = performance.now() + durationMs;
	const loop = async () => {
		while (performance.now() < end) {
			const t0 = performance.now();
			try {
				await send();
				latencies.push(performance.now() - t0);
			} catch {
				errors++;
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: connections }, loop));
	const seconds = (performance.now() - started) / 1000;
	const s = summary(latencies);
	return { requests: latencies.length, errors, rps: latencies.length / seconds, p50: s.median, p99: s.p99 };
}
