import { loadConfig, type ApiKeyConfig, type ServerConfig } from '../../graphql/src/config';
import { createLogger, type LogLevel } from '../../graphql/src/log';
import { sha256 } from '../../graphql/src/security/apiKeys';
import { startEmulator, type Emulator } from '../../emulator';
import { createIdverifyServer, type IdverifyServer } from '../../graphql/src/server';

/** A GraphQL server in sandbox mode (its own emulator), with known API keys and a captured log. */

export const KEYS = {
	main: 'test-key-main',
	small: 'test-key-small-budget',
	slow: 'test-key-low-rate',
} as const;

export const API_KEYS: ApiKeyConfig[] = [
	{ name: 'main', sha256: sha256(KEYS.main), budgetPerDay: 10_000, ratePerMinute: 10_000 },
	{ name: 'small', sha256: sha256(KEYS.small), budgetPerDay: 2, ratePerMinute: 10_000 },
	{ name: 'slow', sha256: sha256(KEYS.slow), budgetPerDay: 10_000, ratePerMinute: 3 },
];

export interface TestServer {
	server: IdverifyServer<Emulator>;
	/** The captured log lines, for "nothing secret in the logs" checks. */
	logs: string[];
	/** Base URL once listening (http()), else null. */
	url: string | null;
	/** A GraphQL request through yoga.fetch (no network). */
	gql<T = any>(
		query: string,
		variables?: Record<string, unknown>,
		options?: { key?: string | null; headers?: Record<string, string> },
	): Promise<GqlResponse<T>>;
	/** The same through the real HTTP server on 127.0.0.1. */
	http<T = any>(
		query: string,
		variables?: Record<string, unknown>,
		options?: { key?: string | null; headers?: Record<string, string> },
	): Promise<GqlResponse<T>>;
	close(): Promise<void>;
}

export interface GqlResponse<T> {
	status: number;
	headers: Headers;
	body: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
	text: string;
}

export async function startTestServer(
	overrides: Partial<ServerConfig> = {},
	options: { listen?: boolean; logLevel?: LogLevel } = {},
): Promise<TestServer> {
	const config = loadConfig({}, { port: 0, apiKeys: API_KEYS, callbackSecret: 'test-callback-secret', ...overrides });
	const logs: string[] = [];
	const sandbox = config.sandbox ? await startEmulator({ port: 0 }) : null;
	const server = await createIdverifyServer(
		config,
		createLogger(options.logLevel ?? 'debug', (line) => logs.push(line)),
		sandbox,
	);
	const url = options.listen === false ? null : await server.listen();

	const request = async <T>(
		fetcher: (url: string, init: RequestInit) => Promise<Response>,
		base: string,
		query: string,
		variables?: Record<string, unknown>,
		opts: { key?: string | null; headers?: Record<string, string> } = {},
	) => {
		const key = opts.key === undefined ? KEYS.main : opts.key;
		const response = await fetcher(`${base}${config.graphqlPath}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/graphql-response+json, application/json',
				...(key ? { authorization: `Bearer ${key}` } : {}),
				...opts.headers,
			},
			body: JSON.stringify({ query, variables }),
		});
		return parse<T>(response);
	};

	return {
		server,
		logs,
		url,
		gql: <T>(query: string, variables?: Record<string, unknown>, opts?: { key?: string | null; headers?: Record<string, string> }) =>
			request<T>((u, init) => Promise.resolve(server.yoga.fetch(u, init)), 'http://localhost', query, variables, opts),
		http: <T>(query: string, variables?: Record<string, unknown>, opts?: { key?: string | null; headers?: Record<string, string> }) => {
			if (!url) throw new Error('server not listening');
			return request<T>(fetch, url, query, variables, opts);
		},
		close: () => server.close(),
	};
}

export async function parse<T>(response: Response): Promise<GqlResponse<T>> {
	const text = await response.text();
	let body: GqlResponse<T>['body'];
	try {
		body = JSON.parse(text);
	} catch {
		body = { errors: [{ message: text }] };
	}
	return { status: response.status, headers: response.headers, body, text };
}

export const b64 = (bytes: Buffer) => bytes.toString('base64');

/** Requests the emulator received (all of them, or for one operation). */
export function vendorCalls(t: TestServer, operationId?: string) {
	const calls = t.server.emulator!.accounting().calls;
	return operationId ? calls.filter((c) => c.operationId === operationId) : calls;
}

export function charged(t: TestServer): number {
	return t.server.emulator!.accounting().totals.charged;
}

/** Reads server-sent events from a streaming response until `until` says stop. */
export async function readEvents(response: Response, until: (events: { event: string; data: any }[]) => boolean, timeoutMs = 10_000) {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	const events: { event: string; data: any }[] = [];
	let buffer = '';
	const deadline = Date.now() + timeoutMs;
	try {
		while (!until(events)) {
			const remaining = deadline - Date.now();
			if (remaining <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), remaining);
			});
			const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
			if (chunk.done) break;
			buffer += decoder.decode(chunk.value, { stream: true });
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
				const data = block
					.split('\n')
					.filter((line) => line.startsWith('data:'))
					.map((line) => line.slice(5).trimStart())
					.join('\n');
				if (data) events.push({ event, data: JSON.parse(data) });
			}
		}
	} finally {
		await reader.cancel().catch(() => undefined);
	}
	return events;
}

/** Rate limits count in fixed one-minute windows: a sequence that must fall in one window waits out a boundary that is near. */
export async function awayFromMinuteBoundary(marginMs = 3000): Promise<void> {
	const left = 60_000 - (Date.now() % 60_000);
	if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
