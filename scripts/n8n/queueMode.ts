import { PostgresDatabase } from './database';
import { freePort, type N8nInstance, type RunningN8n } from './instance';
import { startPostgres, startRedis, type Postgres, type Redis } from './queueServices';

/**
 * n8n in queue mode, the way teams scale it: a main instance (editor, REST API, schedules), workers that run the
 * executions from a Redis queue, and a webhook processor that takes production webhooks and resumed (waiting)
 * executions off the main. All share one PostgreSQL database (queue mode does not support SQLite), and n8n 2.x
 * keeps binary data in that database so that any process can read what another stored.
 */

export interface QueueServices {
	postgres: Postgres;
	redis: Redis;
	stop(): Promise<void>;
}

export async function startQueueServices(label: string): Promise<QueueServices> {
	const postgres = await startPostgres(label);
	const redis = await startRedis().catch(async (error: unknown) => {
		await postgres.stop();
		throw error;
	});
	return { postgres, redis, stop: async () => void (await Promise.all([postgres.stop(), redis.stop()])) };
}

/** The environment every queue-mode process gets (CLI commands included, so imports land in PostgreSQL). */
export function queueEnv(services: QueueServices, webhookOrigin: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// n8n 2.x's default in queue mode; said explicitly so the setup reads as documented.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Manual runs (the editor's "Execute workflow", and the tests' REST calls) go to the workers too.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Production webhooks and resume URLs point at the webhook processor.
		WEBHOOK_URL: `${webhookOrigin}/`,
	};
}

export function queueDatabase(services: QueueServices, n8nDir: string): PostgresDatabase {
	return new PostgresDatabase(services.postgres, n8nDir);
}

export interface RunningQueue {
	main: RunningN8n;
	worker: RunningN8n;
	webhook: RunningN8n;
	stop(): Promise<void>;
}

/** Starts the main instance, one worker and one webhook processor for an instance set up with queueEnv. */
export async function startQueueProcesses(n8n: N8nInstance, ports: { main: number; webhook: number }): Promise<RunningQueue> {
	const started: RunningN8n[] = [];
	const stop = async () => {
		// Webhook processor and worker first, so nothing new reaches a main that is going away.
		for (const process of [...started].reverse()) await process.stop();
	};
	try {
		// The main serves the editor and the REST API; production webhooks are the webhook processor's job.
		const main = await n8n.start(ports.main, { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' });
		started.push(main);
		const workerHealthPort = await freePort();
		const worker = await n8n.serve(
			'worker',
			workerHealthPort,
			'/healthz/readiness',
			{ QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(workerHealthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
			['--concurrency=10'],
		);
		started.push(worker);
		const webhook = await n8n.serve('webhook', ports.webhook, '/healthz/readiness');
		started.push(webhook);
		return { main, worker, webhook, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
