import { setImmediate as nextTurn } from 'timers/promises';
import { GraphQLError } from 'graphql';
import { mayCharge, mayHaveCharged, type CallInput, type CallResult, type Operation, type Scope } from '../../core';
import type { ApiKeyConfig } from './config';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import { isRefusal, type BudgetRefusal, type Budgets } from './security/budget';
import { encodedBytes, type VendorBytes } from './vendorBytes';

/**
 * The only way resolvers reach a vendor: one core scope per GraphQL request (identical calls in it are
 * sent once), and the API key's budget taken before any call that may be charged.
 */
export class VendorCalls {
	constructor(
		private readonly scope: Scope,
		private readonly key: ApiKeyConfig,
		private readonly budgets: Budgets,
		private readonly log: Logger,
		private readonly metrics: Metrics,
		/** Encoded bytes in flight across the instance: a call holds its encoded images only inside it, which bounds memory. */
		private readonly bytes: VendorBytes,
	) {}

	async call(op: Operation, input: CallInput): Promise<CallResult | BudgetRefusal> {
		const reservation = mayCharge(op) ? await this.reserve() : null;
		if (reservation && isRefusal(reservation)) {
			this.metrics.refusals.inc({ reason: 'budget' });
			this.log.info('budget refused', { key: this.key.name, operation: op.id, limit: reservation.limit });
			return reservation;
		}
		let result: CallResult | undefined;
		try {
			// The call's local work (the image checks, building and writing a 200 KB body) waits for the end of
			// this event-loop turn: answers that arrived in it go back to their clients first, instead of behind
			// every request read in the same turn. Under load this cut the p99 (docs/benchmarks.md).
			await nextTurn();
			result = await this.bytes.run(encodedBytes(input), () => this.scope.call(op.id, input));
			return result;
		} finally {
			// Certainly not charged (free status, local rejection, reused, or a crash): give the unit back.
			// A lost answer (charged: unknown) keeps it, so a budget is never exceeded.
			if (reservation && !(result && mayHaveCharged(result.charged))) await reservation.release();
			if (result) {
				this.log.info('vendor call', {
					key: this.key.name,
					operation: op.id,
					outcome: result.outcome,
					status: result.status,
					charged: result.charged,
					reused: result.reused,
					attempts: result.attempts,
				});
			}
		}
	}

	/** The budget store must answer before a paid call: if it cannot (Redis down), no call is made. */
	private async reserve() {
		try {
			return await this.budgets.reserve(this.key);
		} catch (error) {
			this.log.error('budget store unavailable', { error: (error as Error).message });
			throw new GraphQLError('The budget store is unavailable, so no vendor call was made; retry shortly', {
				extensions: { code: 'SERVICE_UNAVAILABLE' },
			});
		}
	}
}

/** For operations no answer of which is charged (add and delete face): no budget to take. */
export async function callFree(calls: VendorCalls, op: Operation, input: CallInput): Promise<CallResult> {
	if (mayCharge(op)) throw new Error(`${op.id} may be charged: use call(), which takes the budget first`);
	return calls.call(op, input) as Promise<CallResult>;
}

export const isBudgetRefusal = (value: CallResult | BudgetRefusal): value is BudgetRefusal => 'resetsAt' in value;

/** The vendor's answer for a result's `raw` field, or null when the server is set to leave raw answers out. */
export const rawAnswer = (result: CallResult, ctx: { services: { config: { includeRaw: boolean } } }): unknown =>
	ctx.services.config.includeRaw ? (result.data ?? null) : null;
