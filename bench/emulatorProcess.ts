import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';
import type { Faults } from '../emulator';

/** The emulator in a process of its own, so its work and garbage never land in the measured process. */
export interface RemoteEmulator {
	origin: string;
	baseUrls: { aisolution: string; accuauth: string };
	credentials: { token: string; apiId: string; apiSecret: string };
	setFaults(faults: Faults): Promise<void>;
	reset(): Promise<void>;
	accounting(): Promise<{ totals: { calls: number; charged: number; duplicateCharged: number } }>;
	close(): Promise<void>;
}

export async function startEmulatorProcess(): Promise<RemoteEmulator> {
	const child: ChildProcess = spawn(process.execPath, [join(__dirname, '..', 'emulator', 'main.js')], {
		env: { ...process.env, SANDBOX_PORT: '0' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const origin = await new Promise<string>((resolve, reject) => {
		let out = '';
		const untilReady = (chunk: Buffer) => {
			out += chunk.toString();
			const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (!match) return;
			child.stdout!.off('data', untilReady);
			resolve(match[1]);
		};
		child.stdout!.on('data', untilReady);
		child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
	});
	// Drained unread from here on, as the GraphQL benchmark's servers are.
	child.stdout!.resume();
	const post = async (path: string, body?: unknown) => {
		const response = await fetch(`${origin}/__emulator/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body ?? {}),
		});
		if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status} ${await response.text()}`);
	};
	return {
		origin,
		baseUrls: { aisolution: `${origin}/aisolution/v1`, accuauth: `${origin}/accuauth/{country}` },
		credentials: { token: 'sandbox-token', apiId: 'sandbox-api-id', apiSecret: 'sandbox-api-secret' },
		setFaults: (faults) => post('faults', faults),
		reset: () => post('reset'),
		accounting: async () => (await fetch(`${origin}/__emulator/accounting`)).json() as never,
		close: () =>
			new Promise((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
