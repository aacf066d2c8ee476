import { createServer, type RequestListener, type Server } from 'http';
import type { AddressInfo } from 'net';
import { createFetch } from '@whatwg-node/fetch';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { VendorId, VendorSecrets } from '../../core';
import { httpTransport } from './httpTransport';
import { ConfigError, SANDBOX_API_KEY, type ServerConfig } from './config';
import { createContext, type UserContext } from './context';
import { yogaLogger, type Logger } from './log';
import { serverPlugins } from './plugins';
import { createSchema } from './schema';
import { sha256 } from './security/apiKeys';
import { createServices, type Services, type VendorAccess } from './services';

/** A stand-in for both vendors (the emulator, started by main.ts): where it listens and the credentials it takes. */
export interface Sandbox {
	baseUrls: Partial<Record<VendorId, string>>;
	credentials: { token: string; apiId: string; apiSecret: string };
	close(): Promise<void>;
}

export interface IdverifyServer<S extends Sandbox = Sandbox> {
	yoga: YogaServerInstance<Record<string, unknown>, UserContext>;
	http: Server;
	services: Services;
	/** The sandbox the server calls instead of the vendors, when no vendor credentials are configured. */
	emulator: S | null;
	/** Listens on config.host:config.port (0: any free port); resolves with the base URL. */
	listen(): Promise<string>;
	close(): Promise<void>;
}

/** The key sandbox mode accepts when no keys are configured: generous, and printed at start. */
export const SANDBOX_KEY_CONFIG = { name: 'sandbox', sha256: sha256(SANDBOX_API_KEY), budgetPerDay: 1000, ratePerMinute: 600 };

/**
 * Builds the whole server: vendors (or the sandbox given by the caller), services, and createServer(createYoga(...)).
 * `publicUrl` is known only once listening when port is 0, so the callback base is resolved lazily.
 * The server closes the sandbox when it closes.
 */
export async function createIdverifyServer<S extends Sandbox>(
	config: ServerConfig,
	log: Logger,
	sandbox: S | null = null,
): Promise<IdverifyServer<S>> {
	if (!config.sandbox && config.apiKeys.length === 0) {
		throw new ConfigError(
			'Vendor credentials are configured but no API keys: set apiKeys in the config file or API_KEYS, or every request would be refused',
		);
	}
	if (config.sandbox && !sandbox)
		throw new ConfigError('No vendor credentials and no sandbox: configure AISOLUTION_TOKEN or ACCUAUTH_API_ID/SECRET');
	const emulator = config.sandbox ? sandbox : null;
	const secrets: VendorSecrets = emulator
		? {
				aisolution: { token: emulator.credentials.token },
				accuauth: { apiId: emulator.credentials.apiId, apiSecret: emulator.credentials.apiSecret },
			}
		: config.secrets;
	const vendors: VendorAccess = { baseUrls: emulator ? emulator.baseUrls : config.baseUrls, secrets, transport: httpTransport(secrets) };
	const effective: ServerConfig = config.sandbox && config.apiKeys.length === 0 ? { ...config, apiKeys: [SANDBOX_KEY_CONFIG] } : config;

	let baseUrl: string | null = null;
	// The vendor needs a URL it can reach: the configured public one, or (sandbox) our own loopback address.
	const callbackBase = () => effective.publicUrl ?? (emulator ? baseUrl : null);
	const services = await createServices(effective, vendors, log, callbackBase);
	const mode = emulator ? 'sandbox' : 'vendors';

	const yoga = createYoga<Record<string, unknown>, UserContext>({
		schema: createSchema(),
		context: createContext(services),
		plugins: serverPlugins(services, mode),
		graphqlEndpoint: effective.graphqlPath,
		// Yoga's own liveness probe; /health (ours) also reports the shared state.
		healthCheckEndpoint: '/health/live',
		landingPage: false,
		// GraphiQL's assets come from the installed package, not a CDN: it works offline and behind firewalls.
		// Loaded only when GraphiQL is on: the bundle costs ~40 MB of memory.
		...(effective.graphiql ? { renderGraphiQL: loadGraphiQL() } : {}),
		graphiql: effective.graphiql ? graphiqlOptions(emulator !== null && config.apiKeys.length === 0) : false,
		cors: (request) => corsFor(request, effective.corsOrigins),
		// Unexpected errors become "Unexpected error." with no detail, in every environment.
		maskedErrors: { isDev: false },
		multipart: true,
		// The body limit is our useRequestBodyLimit (plugins.ts): the same 413, without Yoga's per-request stream.
		maxRequestBodySize: false,
		// Upload limits enforced while the multipart body streams in (HTTP 413 past them).
		fetchAPI: createFetch({
			formDataLimits: {
				fileSize: effective.limits.maxUploadBytes,
				files: effective.limits.maxFiles,
				fieldSize: effective.limits.maxRequestBytes,
			},
		}),
		logging: yogaLogger(log),
	});

	// Yoga is a Node request listener; its typings lag @types/node 24's IncomingMessage.
	const http = createServer(yoga as unknown as RequestListener);
	return {
		yoga,
		http,
		services,
		emulator,
		listen: () =>
			new Promise<string>((resolve, reject) => {
				http.once('error', reject);
				http.listen(effective.port, effective.host, () => {
					http.off('error', reject);
					const { port } = http.address() as AddressInfo;
					baseUrl = `http://${effective.host.includes(':') ? `[${effective.host}]` : effective.host}:${port}`;
					resolve(baseUrl);
				});
			}),
		close: async () => {
			http.closeAllConnections?.();
			await new Promise<void>((resolve) => (http.listening ? http.close(() => resolve()) : resolve()));
			await services.close();
			await emulator?.close();
		},
	};
}

/** Only listed origins may call from a browser; without a list, no cross-origin call is allowed. */
function corsFor(request: Request, origins: readonly string[]) {
	const origin = request.headers.get('origin');
	if (!origin || !(origins.includes(origin) || origins.includes('*'))) return false;
	return {
		origin,
		credentials: false,
		allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-graphql-yoga-csrf'],
		methods: ['GET', 'POST', 'OPTIONS'],
		maxAge: 600,
	};
}

function graphiqlOptions(withSandboxKey: boolean) {
	return {
		title: 'idverify GraphQL',
		subscriptionsProtocol: 'SSE' as const,
		defaultQuery: '{\n  documents(country: DE) { id label typeName }\n}\n',
		// In sandbox mode with the default key, GraphiQL works as opened.
		...(withSandboxKey ? { headers: JSON.stringify({ Authorization: `Bearer ${SANDBOX_API_KEY}` }) } : {}),
	};
}

function loadGraphiQL(): (options?: object) => string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require('@graphql-yoga/render-graphiql') as { renderGraphiQL: (options?: object) => string }).renderGraphiQL;
}
