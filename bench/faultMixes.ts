import { setTimeout as delay } from 'node:timers/promises';
import { createClient, fetchTransport, secretValues, type CallResult, type Outcome } from '../core';
import type { Accounting, Faults } from '../emulator';
import { makePng } from './support/images';

/**
 * The reliability goal: items through the core client while the vendor's answers get lost where real networks lose
 * them, after the vendor billed. Every item must end in exactly one outcome, nothing may be paid twice, and every lost
 * answer must say `charged: "unknown"`.
 */

/** Lost answers are held this long, well past the client's timeout. */
const HOLD_MS = 1500;
export const CLIENT_TIMEOUT_MS = 600;

export interface FaultMix {
	name: string;
	faults: Faults;
	resendLostAnswers?: boolean;
}

const mix = (name: string, probability: NonNullable<Faults['random']>['probability'], resendLostAnswers = false): FaultMix => ({
	name,
	faults: { random: { seed: 8, probability, holdMs: HOLD_MS } },
	resendLostAnswers,
});

const ALL = { resetAfterBilled: 0.03, timeout: 0.02, cutBody: 0.02, stallBody: 0.02, reset: 0.02, RETRY_LATER: 0.05, '5xx': 0.05 } as const;

export const FAULT_MIXES: FaultMix[] = [
	mix('reset after billing 8 %', { resetAfterBilled: 0.08 }),
	mix('answer slower than the timeout 5 %', { timeout: 0.05 }),
	mix('200 with its body cut 5 %', { cutBody: 0.05 }),
	mix('200 with its body stalled 5 %', { stallBody: 0.05 }),
	mix('all of them, with RETRY_LATER, 5xx and resets before billing', ALL),
	mix('all of them, resend option on', ALL, true),
];

export interface MixRow {
	mix: string;
	items: number;
	outcomes: Record<Outcome, number>;
	/** Items whose answer was lost (ANSWER_LOST): all must say charged "unknown". */
	lost: number;
	lostNotUnknown: number;
	requests: number;
	charged: number;
	duplicateCharged: number;
	/** Items that did not end in exactly one outcome. */
	unaccounted: number;
	seconds: number;
}

type Totals = { totals: Pick<Accounting['totals'], 'calls' | 'charged' | 'duplicateCharged'> };

export interface MixEmulator {
	baseUrls: { aisolution: string; accuauth: string };
	credentials: { token: string; apiId: string; apiSecret: string };
	reset(): void | Promise<void>;
	setFaults(faults: Faults): void | Promise<void>;
	accounting(): Totals | Promise<Totals>;
}

/** `items` distinct German ID cards through one client scope, against the emulator under the mix. */
export async function runFaultMix(emulator: MixEmulator, faultMix: FaultMix, items: number): Promise<MixRow> {
	await emulator.reset();
	await emulator.setFaults(faultMix.faults);
	const secrets = { aisolution: { token: emulator.credentials.token } };
	const client = createClient({
		transport: fetchTransport(secrets),
		sleep: delay,
		baseUrls: emulator.baseUrls,
		secrets: secretValues(secrets),
		timeoutMs: CLIENT_TIMEOUT_MS,
		retry: { baseDelayMs: 20, maxDelayMs: 200 },
		resendLostAnswers: faultMix.resendLostAnswers,
		concurrency: 20,
	});
	const scope = client.scope();
	const images = Array.from({ length: items }, (_, i) => makePng(64, 64 + (i % 1000), { marker: 'idv:status=OK', padToBytes: 2048 }));
	const started = performance.now();
	const settled = await Promise.allSettled(images.map((img) => scope.call('deIdCard', { img })));
	const seconds = (performance.now() - started) / 1000;
	// Held answers are accounted when the emulator has made them.
	await delay(HOLD_MS + 200);
	const accounting = await emulator.accounting();
	const results = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
	const outcomes: Record<Outcome, number> = { success: 0, negative: 0, rejectedInput: 0, failed: 0 };
	for (const result of results) outcomes[result.outcome]++;
	const lost = results.filter((r: CallResult) => r.problem?.code === 'ANSWER_LOST');
	return {
		mix: faultMix.name,
		items,
		outcomes,
		lost: lost.length,
		lostNotUnknown: lost.filter((r) => r.charged !== 'unknown').length,
		requests: accounting.totals.calls,
		charged: accounting.totals.charged,
		duplicateCharged: accounting.totals.duplicateCharged,
		unaccounted: items - results.length,
		seconds,
	};
}

export const MIX_TABLE_HEADER =
	'| mix | items | success | negative | rejected | failed | lost (charged unknown) | requests | charged | duplicateCharged | time |';

export function mixTableRow(row: MixRow): string {
	const o = row.outcomes;
	const lost = `${row.lost}${row.lostNotUnknown ? ` (${row.lostNotUnknown} NOT unknown)` : ''}`;
	return `| ${row.mix} | ${row.items} | ${o.success} | ${o.negative} | ${o.rejectedInput} | ${o.failed} | ${lost} | ${row.requests} | ${row.charged} | ${row.duplicateCharged} | ${row.seconds.toFixed(1)} s |`;
}
