import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import { DEFAULT_RATE_LIMIT_WAIT_MS, DEFAULT_TIMEOUT_MS, type VendorId, type VendorSecrets } from '../../core';

/**
 * The server's settings: a JSON config file (IDVERIFY_CONFIG=path) and environment variables, the
 * environment winning. Every key is listed in graphql/README.md. Nothing here is ever logged as it is:
 * `describeConfig` prints what is safe.
 */

export interface ApiKeyConfig {
	/** Who the key belongs to: appears in logs and metrics, never the key itself. */
	name: string;
	/** sha256 (hex) of the key: `printf %s "$KEY" | sha256sum`. Keys are never stored in clear. */
	sha256: string;
	/** Charged vendor calls per UTC day. */
	budgetPerDay: number;
	/** GraphQL requests per minute. */
	ratePerMinute: number;
}

export interface Limits {
	/** Vendor calls one request may make (aliases and fragments included): checked before any call. */
	maxVendorCalls: number;
	maxDepth: number;
	maxAliases: number;
	/** Bytes of a query document, checked before it is parsed. */
	maxQueryBytes: number;
	/** Tokens of a query document: parsing stops past them. */
	maxTokens: number;
	/** Largest uploaded file, checked while the multipart body streams in. */
	maxUploadBytes: number;
	/** Files per multipart request. */
	maxFiles: number;
	/** Largest request body (JSON with base64 images included). */
	maxRequestBytes: number;
	/** Bytes of multipart requests read and served at once per instance; more wait, unread, so upload memory stays bounded. */
	maxUploadBytesInFlight: number;
	/** Encoded image bytes of vendor calls in flight at once per instance; more calls wait. Bounds memory, not parallelism. */
	maxVendorBytesInFlight: number;
}

export interface ServerConfig {
	host: string;
	port: number;
	/** The URL the vendor calls back (WhatsApp); default http://host:port. */
	publicUrl: string | null;
	graphqlPath: string;
	/** No credentials at all: the built-in emulator stands in for both vendors. */
	sandbox: boolean;
	secrets: VendorSecrets;
	baseUrls: Partial<Record<VendorId, string>>;
	apiKeys: ApiKeyConfig[];
	limits: Limits;
	/** Origins allowed to call from a browser; empty: no cross-origin calls. */
	corsOrigins: string[];
	introspection: boolean;
	graphiql: boolean;
	redisUrl: string | null;
	/** Signs the WhatsApp callback URLs; must be the same on every instance behind one load balancer. */
	callbackSecret: string;
	/** When set, /metrics wants `Authorization: Bearer <metricsToken>`. */
	metricsToken: string | null;
	/** Vendor request timeout. */
	vendorTimeoutMs: number;
	/**
	 * Vendor requests in flight at once, per instance: a cap on sockets, not on memory (maxVendorBytesInFlight is).
	 * Calls in flight = calls per second × latency, so the default leaves room for ~128 calls/s at 2 s latency.
	 */
	vendorConcurrency: number;
	/** Resend a request whose answer was lost after sending: the vendor may bill it twice, or add a face twice. */
	resendLostAnswers: boolean;
	/** How long one call keeps waiting out a vendor's rate limit (rate-limit answers are free). */
	rateLimitWaitMs: number;
	/** Whether results carry the vendor's answer as it came (`raw`); off: raw is null. */
	includeRaw: boolean;
	/** Registered operations (hash → document): off, also accepted beside arbitrary ones, or the only ones accepted. */
	persistedOperations: PersistedOperationsMode;
	/** The JSON map of registered operations (GraphQL codegen's persisted documents); needed unless persistedOperations is off. */
	persistedOperationsFile: string | null;
}

export type PersistedOperationsMode = 'off' | 'allow-also-arbitrary' | 'only-persisted';

const MB = 1024 * 1024;

/** Sockets to the vendors per instance; see ServerConfig.vendorConcurrency. */
export const DEFAULT_VENDOR_CONCURRENCY = 256;

export const DEFAULT_LIMITS: Limits = {
	maxVendorCalls: 10,
	maxDepth: 10,
	maxAliases: 15,
	// The largest realistic document, a readDocument selecting every field of every document type, is 15 KB and 2,000 tokens.
	maxQueryBytes: 128 * 1024,
	maxTokens: 10_000,
	// The largest image a vendor takes is 5 MB (AccuAuth).
	maxUploadBytes: 5 * MB,
	maxFiles: 10,
	maxRequestBytes: 25 * MB,
	// Each upload byte costs about five in flight (the body, its base64 form, the request to the vendor).
	maxUploadBytesInFlight: 32 * MB,
	// Each encoded byte in flight costs about three (the image, its base64 form, the request body): ~150 MB at most.
	maxVendorBytesInFlight: 48 * MB,
};

/** The key `npm start` prints and accepts in sandbox mode when no keys are configured. Never valid with real vendors. */
export const SANDBOX_API_KEY = 'idv-sandbox-key';

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
	const file = env.IDVERIFY_CONFIG ? readConfigFile(env.IDVERIFY_CONFIG) : {};
	const production = env.NODE_ENV === 'production';
	const pick = <T>(envValue: T | undefined, fileValue: T | undefined, fallback: T): T => envValue ?? fileValue ?? fallback;

	const secrets: VendorSecrets = {};
	const token = env.AISOLUTION_TOKEN ?? file.aisolution?.token;
	if (token) secrets.aisolution = { token };
	const apiId = env.ACCUAUTH_API_ID ?? file.accuauth?.apiId;
	const apiSecret = env.ACCUAUTH_API_SECRET ?? file.accuauth?.apiSecret;
	if (apiId || apiSecret) {
		if (!apiId || !apiSecret) throw new ConfigError('AccuAuth needs both ACCUAUTH_API_ID and ACCUAUTH_API_SECRET');
		secrets.accuauth = { apiId, apiSecret };
	}
	const baseUrls: Partial<Record<VendorId, string>> = {};
	const aiBase = env.AISOLUTION_BASE_URL ?? file.aisolution?.baseUrl;
	if (aiBase) baseUrls.aisolution = aiBase;
	const accuBase = env.ACCUAUTH_BASE_URL ?? file.accuauth?.baseUrl;
	if (accuBase) baseUrls.accuauth = accuBase;

	const limits: Limits = { ...DEFAULT_LIMITS, ...file.limits };
	for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
		const name = limitEnvName(key);
		if (env[name] !== undefined) limits[key] = positiveInt(env[name]!, name);
		if (!(limits[key] > 0)) throw new ConfigError(`limits.${key} must be a positive number, got ${limits[key]}`);
	}

	const apiKeys = (env.API_KEYS ? parseJson<ApiKeyConfig[]>(env.API_KEYS, 'API_KEYS') : file.apiKeys) ?? [];
	apiKeys.forEach(checkApiKey);

	const config: ServerConfig = {
		host: pick(env.HOST, file.host, '127.0.0.1'),
		port: env.PORT !== undefined ? Number(env.PORT) : (file.port ?? 4000),
		publicUrl: pick(env.PUBLIC_URL, file.publicUrl, null),
		graphqlPath: '/graphql',
		sandbox: !secrets.aisolution && !secrets.accuauth,
		secrets,
		baseUrls,
		apiKeys,
		limits,
		corsOrigins: env.CORS_ORIGINS !== undefined ? splitList(env.CORS_ORIGINS) : (file.corsOrigins ?? []),
		introspection: env.INTROSPECTION !== undefined ? flag(env.INTROSPECTION) : (file.introspection ?? !production),
		graphiql: env.GRAPHIQL !== undefined ? flag(env.GRAPHIQL) : (file.graphiql ?? !production),
		redisUrl: pick(env.REDIS_URL, file.redisUrl, null),
		callbackSecret: pick(env.CALLBACK_SECRET, file.callbackSecret, randomBytes(32).toString('hex')),
		metricsToken: pick(env.METRICS_TOKEN, file.metricsToken, null),
		vendorTimeoutMs: env.VENDOR_TIMEOUT_MS !== undefined ? positiveInt(env.VENDOR_TIMEOUT_MS, 'VENDOR_TIMEOUT_MS') : (file.vendorTimeoutMs ?? DEFAULT_TIMEOUT_MS),
		vendorConcurrency: env.VENDOR_CONCURRENCY !== undefined ? positiveInt(env.VENDOR_CONCURRENCY, 'VENDOR_CONCURRENCY') : (file.vendorConcurrency ?? DEFAULT_VENDOR_CONCURRENCY),
		resendLostAnswers: env.RESEND_LOST_ANSWERS !== undefined ? flag(env.RESEND_LOST_ANSWERS) : (file.resendLostAnswers ?? false),
		rateLimitWaitMs: env.RATE_LIMIT_WAIT_MS !== undefined ? positiveInt(env.RATE_LIMIT_WAIT_MS, 'RATE_LIMIT_WAIT_MS') : (file.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS),
		includeRaw: env.INCLUDE_RAW !== undefined ? flag(env.INCLUDE_RAW) : (file.includeRaw ?? true),
		persistedOperations: persistedMode(pick(env.PERSISTED_OPERATIONS, file.persistedOperations, 'off')),
		persistedOperationsFile: pick(env.PERSISTED_OPERATIONS_FILE, file.persistedOperationsFile, null),
		...overrides,
	};
	if (config.persistedOperations !== 'off' && !config.persistedOperationsFile) {
		throw new ConfigError(`PERSISTED_OPERATIONS=${config.persistedOperations} needs PERSISTED_OPERATIONS_FILE (the JSON map of registered operations)`);
	}
	if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) throw new ConfigError(`PORT must be 0–65535, got ${config.port}`);
	return config;
}

/** What the config file may hold (all optional). */
interface ConfigFile {
	host?: string;
	port?: number;
	publicUrl?: string;
	aisolution?: { token?: string; baseUrl?: string };
	accuauth?: { apiId?: string; apiSecret?: string; baseUrl?: string };
	apiKeys?: ApiKeyConfig[];
	limits?: Partial<Limits>;
	corsOrigins?: string[];
	introspection?: boolean;
	graphiql?: boolean;
	redisUrl?: string;
	callbackSecret?: string;
	metricsToken?: string;
	vendorTimeoutMs?: number;
	vendorConcurrency?: number;
	resendLostAnswers?: boolean;
	rateLimitWaitMs?: number;
	includeRaw?: boolean;
	persistedOperations?: string;
	persistedOperationsFile?: string;
}

export class ConfigError extends Error {}

function readConfigFile(path: string): ConfigFile {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new ConfigError(`Cannot read the config file IDVERIFY_CONFIG=${path}: ${(error as Error).message}`);
	}
	return parseJson<ConfigFile>(text, path);
}

function parseJson<T>(text: string, where: string): T {
	try {
		return JSON.parse(text) as T;
	} catch (error) {
		// The text may hold secrets: name the place, not the content.
		throw new ConfigError(`${where} is not valid JSON: ${(error as Error).message.replace(/".*"/, '…')}`);
	}
}

function checkApiKey(key: ApiKeyConfig, index: number): void {
	const where = `apiKeys[${index}]${key?.name ? ` (${key.name})` : ''}`;
	if (!key || typeof key.name !== 'string' || key.name === '') throw new ConfigError(`${where} needs a name`);
	if (typeof key.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(key.sha256)) {
		throw new ConfigError(`${where}.sha256 must be the 64 hex digits of sha256(key), e.g. printf %s "$KEY" | sha256sum`);
	}
	key.sha256 = key.sha256.toLowerCase();
	for (const field of ['budgetPerDay', 'ratePerMinute'] as const) {
		if (!Number.isInteger(key[field]) || key[field] < 0) throw new ConfigError(`${where}.${field} must be a whole number ≥ 0, got ${key[field]}`);
	}
}

function positiveInt(value: string, name: string): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
	return n;
}

function persistedMode(value: string): PersistedOperationsMode {
	if (value === 'off' || value === 'allow-also-arbitrary' || value === 'only-persisted') return value;
	throw new ConfigError(`PERSISTED_OPERATIONS must be off, allow-also-arbitrary or only-persisted, got ${JSON.stringify(value)}`);
}

/** maxVendorCalls → LIMIT_MAX_VENDOR_CALLS */
export const limitEnvName = (key: keyof Limits) => `LIMIT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

const flag = (value: string) => /^(1|true|yes|on)$/i.test(value.trim());
const splitList = (value: string) =>
	value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** The config as it may be printed: no secret, no key hash. */
export function describeConfig(config: ServerConfig): Record<string, unknown> {
	return {
		mode: config.sandbox ? 'sandbox' : 'vendors',
		vendors: Object.keys(config.secrets),
		apiKeys: config.apiKeys.map((k) => k.name),
		limits: config.limits,
		corsOrigins: config.corsOrigins,
		introspection: config.introspection,
		graphiql: config.graphiql,
		redis: config.redisUrl ? 'configured' : 'off (in-memory state)',
		metricsProtected: !!config.metricsToken,
		persistedOperations: config.persistedOperations,
		resendLostAnswers: config.resendLostAnswers,
		rateLimitWaitMs: config.rateLimitWaitMs,
		includeRaw: config.includeRaw,
	};
}
