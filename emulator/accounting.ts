import { createHash } from 'node:crypto';
import { OPERATIONS } from '../core/catalog';
import type { AccountedCall, Accounting, CallbackDelivery } from './types';

/** sha256 (hex) of the parts, each prefixed by its length so that ("ab","c") ≠ ("a","bc"). */
export function contentHash(parts: readonly (Uint8Array | string)[]): string | null {
	if (parts.length === 0) return null;
	const hash = createHash('sha256');
	for (const part of parts) {
		const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
		if (parts.length > 1) hash.update(`${bytes.length}:`);
		hash.update(bytes);
	}
	return hash.digest('hex');
}

export type CallRecord = Omit<AccountedCall, 'seq' | 'duplicateCharge' | 'duplicateApplied' | 'delivered'>;

/**
 * Operations whose OK answer changes the vendor's state, whatever they cost, so that a resend applies them again:
 * addface (person_count grows). delface cannot apply twice: the second answer is PERSON_ID_NOT_EXIST.
 */
const STATE_CHANGING = new Set(OPERATIONS.filter((op) => op.kind === 'faceAdd').map((op) => op.id));

/** Every call the emulator saw, and which charged calls paid twice for the same input. */
export class Ledger {
	private calls: AccountedCall[] = [];
	private callbacks: CallbackDelivery[] = [];
	private chargedInputs = new Set<string>();
	private appliedInputs = new Set<string>();

	record(call: CallRecord): AccountedCall {
		const key = `${call.operationId}\u0000${call.inputSha256}`;
		const duplicateCharge = call.charged && call.inputSha256 !== null && this.chargedInputs.has(key);
		if (call.charged && call.inputSha256 !== null) this.chargedInputs.add(key);
		const applied = call.status === 'OK' && call.inputSha256 !== null && STATE_CHANGING.has(call.operationId ?? '');
		const duplicateApplied = applied && this.appliedInputs.has(key);
		if (applied) this.appliedInputs.add(key);
		const entry: AccountedCall = { seq: this.calls.length + 1, ...call, duplicateCharge, duplicateApplied, delivered: true };
		this.calls.push(entry);
		return entry;
	}

	recordCallback(delivery: CallbackDelivery): void {
		this.callbacks.push(delivery);
	}

	snapshot(): Accounting {
		const byOperation: Accounting['totals']['byOperation'] = {};
		let charged = 0;
		let duplicateCharged = 0;
		let undeliveredCharged = 0;
		let duplicateApplied = 0;
		for (const call of this.calls) {
			const id = call.operationId ?? '(unknown route)';
			const row = (byOperation[id] ??= { calls: 0, charged: 0, duplicateCharged: 0 });
			row.calls++;
			if (call.charged) {
				charged++;
				row.charged++;
				if (!call.delivered) undeliveredCharged++;
			}
			if (call.duplicateApplied) duplicateApplied++;
			if (call.duplicateCharge) {
				duplicateCharged++;
				row.duplicateCharged++;
			}
		}
		return {
			calls: this.calls.map((call) => ({ ...call })),
			callbacks: this.callbacks.map((delivery) => ({ ...delivery })),
			totals: { calls: this.calls.length, charged, duplicateCharged, undeliveredCharged, duplicateApplied, byOperation },
		};
	}

	clear(): void {
		this.calls = [];
		this.callbacks = [];
		this.chargedInputs.clear();
		this.appliedInputs.clear();
	}
}
