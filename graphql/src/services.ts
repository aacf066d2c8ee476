import { setTimeout as delay } from 'timers/promises';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
import { createClient, secretValues, type Client, type VendorId, type VendorSecrets } from '../../core';
import type { ServerConfig } from './config';
import type { Logger } from './log';
import { Metrics } from './metrics';
import { VendorBytes } from './vendorBytes';
import type { Typed } from './modules/problems/typed';
import type { WhatsappCheck } from './schema/types.generated';
import { ApiKeys } from './security/apiKeys';
import { Budgets } from './security/budget';
import { RateLimits } from './security/rateLimit';
import { MemoryCounters, RedisCounters } from './state/counters';
import { WhatsappCallbacks } from './modules/whatsapp/callbacks';

/** Topics of the subscription fan-out: WhatsApp results by the digits of the number. */
export type Topics = { whatsapp: [number: string, payload: Typed<WhatsappCheck, 'WhatsappCheck'>] };

/** What one server instance holds; the request context gives resolvers their part of it. */
export interface Services {
	config: ServerConfig;
	log: Logger;
	client: Client;
	apiKeys: ApiKeys;
	budgets: Budgets;
	rateLimits: RateLimits;
	pubsub: PubSub<Topics>;
	callbacks: WhatsappCallbacks;
	metrics: Metrics;
	/** Encoded bytes of vendor calls in flight on this instance (limits.maxVendorBytesInFlight). */
	vendorBytes: VendorBytes;
	/** Whether shared state (Redis) answers; always true in memory. */
	ready(): Promise<boolean>;
	close(): Promise<void>;
}

/** Where the vendors are: the real ones, or the sandbox emulator. */
export interface VendorAccess {
	baseUrls: Partial<Record<VendorId, string>>;
	secrets: VendorSecrets;
	transport: Parameters<typeof createClient>[0]['transport'];
}

export async function createServices(
	config: ServerConfig,
	vendors: VendorAccess,
	log: Logger,
	publicUrl: () => string | null,
): Promise<Services> {
	const metrics = new Metrics();
	const client = createClient({
		transport: vendors.transport,
		sleep: delay,
		baseUrls: vendors.baseUrls,
		secrets: secretValues(vendors.secrets),
		timeoutMs: config.vendorTimeoutMs,
		concurrency: config.vendorConcurrency,
		resendLostAnswers: config.resendLostAnswers,
		rateLimitWaitMs: config.rateLimitWaitMs,
		onEvent: metrics.onVendorEvent,
	});
	const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : null;
	const counters = redis ? new RedisCounters(redis.commands) : new MemoryCounters();
	const pubsub = createPubSub<Topics>(redis ? { eventTarget: redisEventTarget(redis, log) } : {});
	return {
		config,
		log,
		client,
		apiKeys: new ApiKeys(config.apiKeys),
		budgets: new Budgets(counters),
		rateLimits: new RateLimits(counters),
		pubsub,
		callbacks: new WhatsappCallbacks(config.callbackSecret, publicUrl),
		metrics,
		vendorBytes: new VendorBytes(config.limits.maxVendorBytesInFlight),
		ready: async () => {
			if (!redis) return true;
			try {
				return (await redis.commands.ping()) === 'PONG';
			} catch {
				return false;
			}
		},
		close: async () => {
			if (redis)
				await Promise.all([redis.commands.quit(), redis.publish.quit(), redis.subscribe.quit()].map((p) => p.catch(() => undefined)));
		},
	};
}

/**
 * The Redis event target fires (un)subscribe and publish without awaiting them: a failure (Redis down,
 * or a subscription ending while the server shuts down) would be an unhandled rejection. Here it is a log line.
 */
function redisEventTarget(redis: { publish: Redis; subscribe: Redis }, log: Logger) {
	const report = (what: string) => (error: Error) => log.warn(`redis ${what} failed`, { error: error.message });
	const publishClient = { publish: (channel: string, message: string) => redis.publish.publish(channel, message).catch(report('publish')) };
	const subscribeClient = {
		on: (event: string, listener: (...args: unknown[]) => void) => redis.subscribe.on(event, listener),
		subscribe: (channel: string) => redis.subscribe.subscribe(channel).catch(report('subscribe')),
		unsubscribe: (channel: string) => redis.subscribe.unsubscribe(channel).catch(report('unsubscribe')),
	};
	return createRedisEventTarget<CustomEvent>({
		publishClient: publishClient as unknown as Redis,
		subscribeClient: subscribeClient as unknown as Redis,
	});
}

/** Three connections: commands, publishing, and one held in subscriber mode. */
async function connectRedis(url: string, log: Logger) {
	const open = () => new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
	const connections = { commands: open(), publish: open(), subscribe: open() };
	try {
		await Promise.all(Object.values(connections).map((c) => c.connect()));
	} catch (error) {
		Object.values(connections).forEach((c) => c.disconnect());
		// The URL may carry a password: say where, not what.
		throw new Error(`Cannot connect to Redis (REDIS_URL): ${(error as Error).message}`);
	}
	for (const [role, connection] of Object.entries(connections)) {
		connection.on('error', (error: Error) => log.warn('redis connection error', { role, error: error.message }));
	}
	return connections;
}
