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
 * answered, for `warmupMs` and then `durationMs`. Only requests started after the warm-up are measured (the
 * burst of every connection starting at once is not); requests in flight when the time is up finish and count.
 * Errors count from the start.
 */
export async function load(
	send: () => Promise<void>,
	connections: number,
	durationMs: number,
	meters: { server: () => number; emulator: () => number } = { server: () => 0, emulator: () => 0 },
	warmupMs = 0,
): Promise<LoadRun> {
	const latencies: number[] = [];
	let errors = 0;
	let firstError: string | null = null;
	const measuredFrom = performance.now() + warmupMs;
	const end = measuredFrom + durationMs;
	let server = 0;
	let emulator = 0;
	let own = process.cpuUsage();
	const startMeters = () => {
		server = meters.server();
		emulator = meters.emulator();
		own = process.cpuUsage();
	};
	const warmedUp = warmupMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, warmupMs)).then(startMeters) : startMeters();
	const loop = async () => {
		while (performance.now() < end) {
			const t0 = performance.now();
			try {
				await send();
				if (t0 >= measuredFrom) latencies.push(performance.now() - t0);
			} catch (error) {
				errors++;
				firstError ??= (error as Error).message.slice(0, 200);
			}
		}
	};
	await Promise.all([...Array.from({ length: connections }, loop), warmedUp]);
	const ownUsed = process.cpuUsage(own);
	return {
		requests: latencies.length,
		errors,
		seconds: (performance.now() - measuredFrom) / 1000,
		latencies,
		firstError,
		serverCpuMs: meters.server() - server,
		emulatorCpuMs: meters.emulator() - emulator,
		loadCpuMs: (ownUsed.user + ownUsed.system) / 1000,
	};
}
