import type { ApiKeyConfig } from '../config';
import type { Counters } from '../state/counters';

/** An API key's budget of charged vendor calls per UTC day. */

export interface BudgetRefusal {
	limit: number;
	/** The next UTC midnight, ISO 8601. */
	resetsAt: string;
}

/** A unit of budget taken before a call; given back when the call turns out not to be charged. */
export interface Reservation {
	release(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class Budgets {
	constructor(
		private readonly counters: Counters,
		private readonly now: () => Date = () => new Date(),
	) {}

	private day() {
		const now = this.now();
		const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
		return { id: new Date(start).toISOString().slice(0, 10), resetsAt: new Date(start + DAY_MS).toISOString() };
	}

	/**
	 * Takes one unit before a call that may be charged, or refuses. Reserving first means concurrent
	 * requests (on any instance, with Redis) can never spend past the limit.
	 */
	async reserve(key: ApiKeyConfig): Promise<Reservation | BudgetRefusal> {
		const day = this.day();
		const counter = `budget:${key.name}:${day.id}`;
		// Kept a day past its end, for `used` queries around midnight.
		const taken = await this.counters.reserve(counter, key.budgetPerDay, 2 * DAY_MS);
		if (taken === null) return { limit: key.budgetPerDay, resetsAt: day.resetsAt };
		let released = false;
		return {
			release: async () => {
				if (released) return;
				released = true;
				await this.counters.release(counter);
			},
		};
	}

	/** Charged calls spent today. */
	async used(key: ApiKeyConfig): Promise<number> {
		return this.counters.get(`budget:${key.name}:${this.day().id}`);
	}
}

export const isRefusal = (value: Reservation | BudgetRefusal): value is BudgetRefusal => 'limit' in value;
