/** What one closed-loop load run measured. */
export interface LoadRun {
	requests: number;
	errors: number;
	seconds: number;
	/** Every answered request's latency, ms. */
	latencies: number[];
	firstError: string | null;
	/** CPU used during the run, ms: the server process (when a meter was given), the emulator, this process. */
	serverCpuMs: number;
	emulatorCpuMs: number;
	loadCpuMs: number;
}

/**
 * A closed-loop load generator: `connections` loops, each sending its next request when the last one
 * answered, for `durationMs`. Requests in flight when the time is up finish and are counted.
 */
export async function load(
	send: () => Promise<void>,
	connections: number,
	durationMs: number,
	meters: { server: () => number; emulator: () => number } = { server: () => 0, emulator: () => 0 },
): Promise<LoadRun> {
	const latencies: number[] = [];
	let errors = 0;
	let firstError: string | null = null;
	const end = performance.now() + durationMs;
	const loop = async () => {
		while (performance.now() < end) {
			const t0 = performance.now();
			try {
				await send();
				latencies.push(performance.now() - t0);
			} catch (error) {
				errors++;
				firstError ??= (error as Error).message.slice(0, 200);
			}
		}
	};
	const started = performance.now();
	const server = meters.server();
	const emulator = meters.emulator();
	const own = process.cpuUsage();
	await Promise.all(Array.from({ length: connections }, loop));
	const ownUsed = process.cpuUsage(own);
	return {
		requests: latencies.length,
		errors,
		seconds: (performance.now() - started) / 1000,
		latencies,
		firstError,
		serverCpuMs: meters.server() - server,
		emulatorCpuMs: meters.emulator() - emulator,
		loadCpuMs: (ownUsed.user + ownUsed.system) / 1000,
	};
}
