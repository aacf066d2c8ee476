import type { Accounting, AccountedCall } from '../emulator';
import type { RemoteEmulator } from './emulatorProcess';

/** The emulator's full accounting snapshot (every call), read through its control API. */
export async function fullAccounting(emulator: RemoteEmulator): Promise<Accounting> {
	const response = await fetch(`${emulator.origin}/__emulator/accounting`);
	if (!response.ok) throw new Error(`emulator accounting: HTTP ${response.status}`);
	return (await response.json()) as Accounting;
}

/** How many calls carried each value of `key` (status, fault …), as "A 3 · B 1". */
export function countBy(calls: readonly AccountedCall[], key: (call: AccountedCall) => string | null): string {
	const counts = new Map<string, number>();
	for (const call of calls) {
		const value = key(call) ?? 'none';
		counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	return [...counts.entries()].map(([value, n]) => `${value} ${n}`).join(' · ') || '—';
}

/**
 * Requests the vendor had in flight at most, from arrival times: with a fixed latency, the calls in
 * flight at an arrival are the ones that arrived less than `latencyMs` before it.
 */
export function peakInFlight(calls: readonly AccountedCall[], latencyMs: number): number {
	const times = calls.map((call) => Date.parse(call.time)).sort((a, b) => a - b);
	let peak = 0;
	let first = 0;
	for (let i = 0; i < times.length; i++) {
		while (times[i] - times[first] >= latencyMs) first++;
		peak = Math.max(peak, i - first + 1);
	}
	return peak;
}
