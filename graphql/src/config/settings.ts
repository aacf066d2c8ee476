import { DEFAULT_RATE_LIMIT_WAIT_MS, DEFAULT_TIMEOUT_MS } from '../../../core';

/**
 * Every setting of the server, once: where it sits in the config file, its environment variable, its type, its
 * default and what it does. The loader, its validation and the settings table in graphql/README.md come from here.
 */

export type SettingType =
	| 'text'
	/** Never printed, never logged. */
	| 'secret'
	| 'port'
	/** A whole number ≥ 1. */
	| 'count'
	| 'flag'
	/** Comma-separated in the environment, an array in the file. */
	| 'list'
	/** JSON in the environment, as it is in the file. */
	| 'json'
	| { oneOf: readonly string[] };

export type Env = Record<string, string | undefined>;

export interface Setting {
	/** Its place in the config file: `port`, `limits.maxDepth`, `accuauth.apiId`. */
	key: string;
	env: string;
	type: SettingType;
	/** Used when neither the environment nor the file sets it; null: unset. A function when it depends on NODE_ENV. */
	default: string | number | boolean | null | readonly unknown[] | ((env: Env) => string | number | boolean | null);
	/** The default as the documentation shows it, when the value itself would not say it (random, depends on NODE_ENV). */
	shownDefault?: string;
	description: string;
}

const MB = 1024 * 1024;
const production = (env: Env) => env.NODE_ENV === 'production';

/** Sockets to the vendors per instance; see vendorConcurrency. */
export const DEFAULT_VENDOR_CONCURRENCY = 256;

/** The request and upload limits; their variables are LIMIT_ and the key in capitals (maxDepth → LIMIT_MAX_DEPTH). */
const LIMITS: { key: string; default: number; description: string }[] = [
	{
		key: 'maxVendorCalls',
		default: 10,
		description: 'Vendor calls one request may make (aliases and fragments included), checked before any call.',
	},
	{ key: 'maxDepth', default: 10, description: 'Depth of a query, fragments expanded.' },
	{ key: 'maxAliases', default: 15, description: 'Aliases in one query.' },
	// The largest realistic document, a readDocument selecting every field of every document type, is 15 KB and 2,000 tokens.
	{ key: 'maxQueryBytes', default: 128 * 1024, description: 'Bytes of a query document, checked before it is parsed.' },
	{ key: 'maxTokens', default: 10_000, description: 'Tokens of a query document: parsing stops past them.' },
	// The largest image a vendor takes is 5 MB (AccuAuth).
	{
		key: 'maxUploadBytes',
		default: 5 * MB,
		description: 'Largest uploaded file, checked while the multipart body streams in (413 past it).',
	},
	{ key: 'maxFiles', default: 10, description: 'Files per multipart request (413 past it).' },
	{ key: 'maxRequestBytes', default: 25 * MB, description: 'Largest request body, JSON with base64 images included (413 past it).' },
	// Each upload byte costs about five in flight (the body, its base64 form, the request to the vendor).
	{
		key: 'maxUploadBytesInFlight',
		default: 32 * MB,
		description:
			'Bytes of requests carrying images (multipart, or JSON over 64 KB) read and served at once per instance; more wait, unread.',
	},
	// Each encoded byte in flight costs up to three (an uploaded image, its base64 form, the request body).
	{
		key: 'maxVendorBytesInFlight',
		default: 48 * MB,
		description: 'Encoded image bytes of vendor calls in flight at once per instance; more calls wait. Bounds memory, not parallelism.',
	},
];

/** maxVendorCalls → LIMIT_MAX_VENDOR_CALLS */
export const limitEnvName = (key: string) => `LIMIT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

export const SETTINGS: readonly Setting[] = [
	{ key: 'host', env: 'HOST', type: 'text', default: '127.0.0.1', description: 'Address to listen on (0.0.0.0 for every interface).' },
	{ key: 'port', env: 'PORT', type: 'port', default: 4000, description: 'Port to listen on (0: any free port).' },
	{
		key: 'publicUrl',
		env: 'PUBLIC_URL',
		type: 'text',
		default: null,
		description: 'The URL the vendor calls back (WhatsApp results); without it no callback URL is given (sandbox: this server).',
	},
	{
		key: 'logLevel',
		env: 'LOG_LEVEL',
		type: { oneOf: ['debug', 'info', 'warn', 'error'] },
		default: 'info',
		description: 'Log lines below this level are dropped. No level logs personal data.',
	},
	{
		key: 'aisolution.token',
		env: 'AISOLUTION_TOKEN',
		type: 'secret',
		default: null,
		description: 'AI Solution API token. Without any vendor credentials the server runs against its built-in sandbox.',
	},
	{
		key: 'aisolution.baseUrl',
		env: 'AISOLUTION_BASE_URL',
		type: 'text',
		default: null,
		description: "AI Solution base URL (default: the vendor's).",
	},
	{ key: 'accuauth.apiId', env: 'ACCUAUTH_API_ID', type: 'secret', default: null, description: 'AccuAuth API id (with its secret).' },
	{
		key: 'accuauth.apiSecret',
		env: 'ACCUAUTH_API_SECRET',
		type: 'secret',
		default: null,
		description: 'AccuAuth API secret (with its id).',
	},
	{
		key: 'accuauth.baseUrl',
		env: 'ACCUAUTH_BASE_URL',
		type: 'text',
		default: null,
		description: "AccuAuth base URL, with `{country}` for the host (default: the vendor's).",
	},
	{
		key: 'apiKeys',
		env: 'API_KEYS',
		type: 'json',
		default: [],
		description:
			'The clients\' API keys: `[{ name, sha256, budgetPerDay, ratePerMinute }]`, sha256 being `printf %s "$KEY" | sha256sum`. Keys are never stored in clear.',
	},
	...LIMITS.map(
		(limit): Setting => ({
			key: `limits.${limit.key}`,
			env: limitEnvName(limit.key),
			type: 'count',
			default: limit.default,
			description: limit.description,
		}),
	),
	{
		key: 'corsOrigins',
		env: 'CORS_ORIGINS',
		type: 'list',
		default: [],
		description: 'Origins allowed to call from a browser; empty: no cross-origin call.',
	},
	{
		key: 'introspection',
		env: 'INTROSPECTION',
		type: 'flag',
		default: (env) => !production(env),
		shownDefault: 'on, off when NODE_ENV=production',
		description: 'Whether the schema can be introspected (and field suggestions shown).',
	},
	{
		key: 'graphiql',
		env: 'GRAPHIQL',
		type: 'flag',
		default: (env) => !production(env),
		shownDefault: 'on, off when NODE_ENV=production',
		description: 'GraphiQL at the GraphQL path, served from the installed package.',
	},
	{
		key: 'redisUrl',
		env: 'REDIS_URL',
		type: 'secret',
		default: null,
		description: 'Redis for state shared by instances (budgets, rate limits, callbacks); without it, state is per process.',
	},
	{
		key: 'callbackSecret',
		env: 'CALLBACK_SECRET',
		type: 'secret',
		default: null,
		shownDefault: 'random per process',
		description: 'Signs the WhatsApp callback URLs; must be the same on every instance behind one load balancer.',
	},
	{
		key: 'metricsToken',
		env: 'METRICS_TOKEN',
		type: 'secret',
		default: null,
		description: 'When set, /metrics wants `Authorization: Bearer <token>`.',
	},
	{
		key: 'vendorTimeoutMs',
		env: 'VENDOR_TIMEOUT_MS',
		type: 'count',
		default: DEFAULT_TIMEOUT_MS,
		description: 'Timeout of one vendor request, ms.',
	},
	{
		key: 'vendorConcurrency',
		env: 'VENDOR_CONCURRENCY',
		type: 'count',
		default: DEFAULT_VENDOR_CONCURRENCY,
		description:
			'Vendor requests in flight per instance: a cap on sockets, not on memory (limits.maxVendorBytesInFlight is). Calls in flight are calls per second × latency: 256 leaves room for ~128 calls/s at 2 s.',
	},
	{
		key: 'resendLostAnswers',
		env: 'RESEND_LOST_ANSWERS',
		type: 'flag',
		default: false,
		description:
			'Resend when the answer is lost (may be charged twice): a request whose answer was lost after sending is sent again. Off: it ends as ANSWER_LOST with charged UNKNOWN.',
	},
	{
		key: 'rateLimitWaitMs',
		env: 'RATE_LIMIT_WAIT_MS',
		type: 'count',
		default: DEFAULT_RATE_LIMIT_WAIT_MS,
		description: "How long one call keeps waiting out a vendor's rate limit (those answers are free), ms.",
	},
	{
		key: 'includeRaw',
		env: 'INCLUDE_RAW',
		type: 'flag',
		default: true,
		description: "Whether results carry the vendor's answer as it came (`raw`); off: every `raw` is null.",
	},
	{
		key: 'persistedOperations',
		env: 'PERSISTED_OPERATIONS',
		type: { oneOf: ['off', 'allow-also-arbitrary', 'only-persisted'] },
		default: 'off',
		description: 'Registered operations (hash → document): off, accepted beside arbitrary ones, or the only ones accepted.',
	},
	{
		key: 'persistedOperationsFile',
		env: 'PERSISTED_OPERATIONS_FILE',
		type: 'text',
		default: null,
		description: "The JSON map of registered operations (GraphQL codegen's persisted documents); needed unless persistedOperations is off.",
	},
];

/** The limits' defaults, as the table has them. */
export const LIMIT_DEFAULTS: Record<string, number> = Object.fromEntries(LIMITS.map((limit) => [limit.key, limit.default]));
