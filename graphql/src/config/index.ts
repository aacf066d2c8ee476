import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import type { VendorId, VendorSecrets } from '../../../core';
import type { LogLevel } from '../log';
import { DEFAULT_VENDOR_CONCURRENCY, LIMIT_DEFAULTS, SETTINGS, limitEnvName, type Env, type Setting } from './settings';

/**
 * The server's settings: a JSON config file (IDVERIFY_CONFIG=path) and environment variables, the environment
 * winning. Every setting is declared once in settings.ts, which also writes the table in graphql/README.md.
 * Nothing here is ever logged as it is: `describeConfig` prints what is safe.
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
	/** Log lines below it are dropped. */
	logLevel: LogLevel;
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

export const DEFAULT_LIMITS = LIMIT_DEFAULTS as unknown as Limits;
export { DEFAULT_VENDOR_CONCURRENCY, limitEnvName, SETTINGS };

/** The key `npm start` prints and accepts in sandbox mode when no keys are configured. Never valid with real vendors. */
export const SANDBOX_API_KEY = 'idv-sandbox-key';

/** The settings from the environment, else the config file (IDVERIFY_CONFIG), else their defaults; checked. */
export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
	const file = env.IDVERIFY_CONFIG ? readConfigFile(env.IDVERIFY_CONFIG) : {};
	const values = new Map<string, unknown>(SETTINGS.map((setting) => [setting.key, settingValue(setting, env, file)]));
	// settingValue has checked each value against its type.
	const text = (key: string) => values.get(key) as string | null;
	const count = (key: string) => values.get(key) as number;
	const flag = (key: string) => values.get(key) as boolean;

	const secrets: VendorSecrets = {};
	const token = text('aisolution.token');
	if (token) secrets.aisolution = { token };
	const apiId = text('accuauth.apiId');
	const apiSecret = text('accuauth.apiSecret');
	if (apiId || apiSecret) {
		if (!apiId || !apiSecret) throw new ConfigError('AccuAuth needs both ACCUAUTH_API_ID and ACCUAUTH_API_SECRET');
		secrets.accuauth = { apiId, apiSecret };
	}
	const baseUrls: Partial<Record<VendorId, string>> = {};
	const aiBase = text('aisolution.baseUrl');
	if (aiBase) baseUrls.aisolution = aiBase;
	const accuBase = text('accuauth.baseUrl');
	if (accuBase) baseUrls.accuauth = accuBase;

	const limits = Object.fromEntries(Object.keys(LIMIT_DEFAULTS).map((key) => [key, count(`limits.${key}`)])) as unknown as Limits;
	const apiKeys = values.get('apiKeys') as ApiKeyConfig[];
	if (!Array.isArray(apiKeys))
		throw new ConfigError('apiKeys (API_KEYS) must be a JSON array of { name, sha256, budgetPerDay, ratePerMinute }');
	apiKeys.forEach(checkApiKey);

	const config: ServerConfig = {
		host: text('host')!,
		port: count('port'),
		publicUrl: text('publicUrl'),
		logLevel: text('logLevel') as LogLevel,
		graphqlPath: '/graphql',
		sandbox: !secrets.aisolution && !secrets.accuauth,
		secrets,
		baseUrls,
		apiKeys,
		limits,
		corsOrigins: values.get('corsOrigins') as string[],
		introspection: flag('introspection'),
		graphiql: flag('graphiql'),
		redisUrl: text('redisUrl'),
		callbackSecret: text('callbackSecret') ?? randomBytes(32).toString('hex'),
		metricsToken: text('metricsToken'),
		vendorTimeoutMs: count('vendorTimeoutMs'),
		vendorConcurrency: count('vendorConcurrency'),
		resendLostAnswers: flag('resendLostAnswers'),
		rateLimitWaitMs: count('rateLimitWaitMs'),
		includeRaw: flag('includeRaw'),
		persistedOperations: text('persistedOperations') as PersistedOperationsMode,
		persistedOperationsFile: text('persistedOperationsFile'),
		...overrides,
	};
	if (config.persistedOperations !== 'off' && !config.persistedOperationsFile) {
		throw new ConfigError(
			`PERSISTED_OPERATIONS=${config.persistedOperations} needs PERSISTED_OPERATIONS_FILE (the JSON map of registered operations)`,
		);
	}
	return config;
}

/** One setting's value: the environment's text, else the file's value, else the default; parsed and checked. */
function settingValue(setting: Setting, env: Env, file: Record<string, unknown>): unknown {
	const fromEnv = env[setting.env];
	if (fromEnv !== undefined) return parse(setting, fromEnv, setting.env);
	const fromFile = setting.key
		.split('.')
		.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), file);
	if (fromFile !== undefined && fromFile !== null) return parse(setting, fromFile, `${setting.key} (config file)`);
	return typeof setting.default === 'function' ? setting.default(env) : setting.default;
}

function parse(setting: Setting, value: unknown, where: string): unknown {
	const { type } = setting;
	// A secret's value is never echoed.
	const got = type === 'secret' ? 'a value that is not text' : JSON.stringify(value);
	if (typeof type === 'object') {
		if (typeof value === 'string' && type.oneOf.includes(value)) return value;
		throw new ConfigError(`${where} must be ${type.oneOf.slice(0, -1).join(', ')} or ${type.oneOf.at(-1)}, got ${got}`);
	}
	switch (type) {
		case 'text':
		case 'secret':
			// A secret never holds spaces or line breaks: those come with a paste or `echo > file`, and a header refuses them.
			if (typeof value === 'string' || typeof value === 'number') return type === 'secret' ? String(value).trim() : String(value);
			throw new ConfigError(`${where} must be text, got ${got}`);
		case 'port':
		case 'count': {
			const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
			if (type === 'port') {
				if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
				throw new ConfigError(`${where} must be 0–65535, got ${got}`);
			}
			if (Number.isInteger(n) && n > 0) return n;
			throw new ConfigError(`${where} must be a positive whole number, got ${got}`);
		}
		case 'flag':
			if (typeof value === 'boolean') return value;
			if (typeof value === 'string' && /^(1|true|yes|on)$/i.test(value.trim())) return true;
			if (typeof value === 'string' && /^(0|false|no|off)$/i.test(value.trim())) return false;
			throw new ConfigError(`${where} must be true or false, got ${got}`);
		case 'list':
			if (Array.isArray(value)) return value.map(String);
			if (typeof value === 'string') {
				return value
					.split(',')
					.map((item) => item.trim())
					.filter(Boolean);
			}
			throw new ConfigError(`${where} must be a comma-separated list, got ${got}`);
		case 'json':
			return typeof value === 'string' ? parseJson(value, where) : value;
	}
}

export class ConfigError extends Error {}

function readConfigFile(path: string): Record<string, unknown> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new ConfigError(`Cannot read the config file IDVERIFY_CONFIG=${path}: ${(error as Error).message}`);
	}
	return parseJson<Record<string, unknown>>(text, path);
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
		if (!Number.isInteger(key[field]) || key[field] < 0)
			throw new ConfigError(`${where}.${field} must be a whole number ≥ 0, got ${key[field]}`);
	}
}

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
		logLevel: config.logLevel,
	};
}
