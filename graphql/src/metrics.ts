import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { mayHaveCharged, type CallEvent } from '../../core';

/** Prometheus metrics of one server instance (its own registry, so two instances in one process stay apart). */
export class Metrics {
	readonly registry = new Registry();

	readonly requests = new Counter({
		name: 'idverify_graphql_requests_total',
		help: 'HTTP requests to the GraphQL endpoint, by HTTP status',
		labelNames: ['status'] as const,
		registers: [this.registry],
	});

	readonly requestDuration = new Histogram({
		name: 'idverify_graphql_request_duration_seconds',
		help: 'Time to answer a GraphQL request',
		labelNames: ['status'] as const,
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
		registers: [this.registry],
	});

	readonly vendorCalls = new Counter({
		name: 'idverify_vendor_calls_total',
		help: 'Vendor calls by operation and outcome; source is vendor (a request was sent), local (refused by a local check) or reused (served from the same request)',
		labelNames: ['operation', 'vendor', 'outcome', 'source'] as const,
		registers: [this.registry],
	});

	readonly chargedCalls = new Counter({
		name: 'idverify_vendor_charged_calls_total',
		help: 'Vendor calls the vendor bills, as its docs say, plus lost answers it may have billed',
		labelNames: ['operation', 'vendor'] as const,
		registers: [this.registry],
	});

	readonly vendorLatency = new Histogram({
		name: 'idverify_vendor_call_duration_seconds',
		help: 'Time of one vendor request (each attempt)',
		labelNames: ['operation', 'vendor'] as const,
		buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
		registers: [this.registry],
	});

	readonly refusals = new Counter({
		name: 'idverify_refusals_total',
		help: 'Requests or calls refused before any vendor call: unauthenticated, rate_limited, budget, vendor_call_limit',
		labelNames: ['reason'] as const,
		registers: [this.registry],
	});

	constructor() {
		collectDefaultMetrics({ register: this.registry, prefix: 'idverify_' });
	}

	/** Labelled series looked up once per label set: prom-client otherwise hashes the labels on every observation. */
	private readonly series = new Map<string, { inc(): void } | { observe(value: number): void }>();

	private child<T extends { inc(): void } | { observe(value: number): void }>(key: string, make: () => T): T {
		let found = this.series.get(key) as T | undefined;
		if (!found) {
			found = make();
			this.series.set(key, found);
		}
		return found;
	}

	/** One answered GraphQL request: counted and timed by its HTTP status. */
	observeRequest(status: number, seconds: number): void {
		this.child(`requests:${status}`, () => this.requests.labels(String(status))).inc();
		this.child(`duration:${status}`, () => this.requestDuration.labels(String(status))).observe(seconds);
	}

	/** The core client's per-call hook. */
	onVendorEvent = (event: CallEvent): void => {
		const { operationId: operation, vendor, outcome } = event;
		const source = !event.local ? 'vendor' : outcome === 'rejectedInput' ? 'local' : 'reused';
		this.child(`calls:${operation}:${vendor}:${outcome}:${source}`, () =>
			this.vendorCalls.labels({ operation, vendor, outcome, source }),
		).inc();
		if (!event.local) {
			this.child(`latency:${operation}:${vendor}`, () => this.vendorLatency.labels({ operation, vendor })).observe(event.durationMs / 1000);
			// A lost answer may have been billed: counted, so the metric never reads lower than the bill.
			if (mayHaveCharged(event.charged))
				this.child(`charged:${operation}:${vendor}`, () => this.chargedCalls.labels({ operation, vendor })).inc();
		}
	};
}
