import { setTimeout as delay } from 'timers/promises';
import { createClient, fetchTransport, secretValues, type Client, type ClientOptions } from '../../core';
import { startEmulator, type Emulator } from '../../emulator';

/** An emulator on a free loopback port and a core client pointed at it, for one test file. */
export interface Sandbox {
	emulator: Emulator;
	client(options?: Partial<ClientOptions>): Client;
}

export async function startSandbox(): Promise<Sandbox> {
	const emulator = await startEmulator({ port: 0 });
	const secrets = {
		aisolution: { token: emulator.credentials.token },
		accuauth: { apiId: emulator.credentials.apiId, apiSecret: emulator.credentials.apiSecret },
	};
	return {
		emulator,
		client: (options = {}) =>
			createClient({
				transport: fetchTransport(secrets),
				sleep: delay,
				baseUrls: emulator.baseUrls,
				secrets: secretValues(secrets),
				retry: { baseDelayMs: 5, maxDelayMs: 20 },
				timeoutMs: 5000,
				...options,
			}),
	};
}
