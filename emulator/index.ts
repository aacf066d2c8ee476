import type { AddressInfo } from 'node:net';
import { EmulatorServer } from './server';
import { DEFAULT_CREDENTIALS, type Emulator, type EmulatorOptions } from './types';

export * from './types';
export { encodeMessageMarker } from './markers';
export { validateReadings } from './readings';

/** Starts the vendor sandbox on loopback. See emulator/README.md for routes, markers and faults. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
	const emulator = new EmulatorServer(credentials, options);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		emulator.server.once('error', reject);
		emulator.server.listen(options.port ?? 0, host, () => {
			emulator.server.off('error', reject);
			resolve();
		});
	});
	const port = (emulator.server.address() as AddressInfo).port;
	const origin = `http://${host}:${port}`;
	return {
		port,
		baseUrls: { aisolution: `${origin}/aisolution/v1`, accuauth: `${origin}/accuauth/{country}` },
		credentials,
		accounting: () => emulator.ledger.snapshot(),
		setFaults: (faults) => emulator.faults.set(faults),
		setReadings: (readings) => emulator.setReadings(readings),
		readings: () => emulator.readings,
		reset: () => emulator.reset(),
		close: () => emulator.close(),
	};
}
