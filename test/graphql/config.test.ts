import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_RATE_LIMIT_WAIT_MS, DEFAULT_TIMEOUT_MS } from '../../core';
import { ConfigError, DEFAULT_LIMITS, SANDBOX_API_KEY, SETTINGS, describeConfig, limitEnvName, loadConfig } from '../../graphql/src/config';
import { README_FILE, readmeWithSettings } from '../../graphql/src/config/docs';
import { createLogger } from '../../graphql/src/log';
import { start } from '../../graphql/src/main';
import { sha256 } from '../../graphql/src/security/apiKeys';

describe('loadConfig', () => {
	it('is sandbox mode without vendor credentials, with development defaults', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			sandbox: true,
			host: '127.0.0.1',
			port: 4000,
			introspection: true,
			graphiql: true,
			redisUrl: null,
			corsOrigins: [],
			apiKeys: [],
			limits: DEFAULT_LIMITS,
		});
	});

	it('talks to the vendors with credentials; production turns GraphiQL and introspection off', () => {
		const config = loadConfig({ AISOLUTION_TOKEN: 'tok', NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, https://b.example' });
		expect(config).toMatchObject({
			sandbox: false,
			secrets: { aisolution: { token: 'tok' } },
			introspection: false,
			graphiql: false,
			corsOrigins: ['https://a.example', 'https://b.example'],
		});
	});

	it('reads a config file, and the environment wins over it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'idv-config-'));
		const file = join(dir, 'config.json');
		const key = { name: 'web', sha256: sha256('k'), budgetPerDay: 5, ratePerMinute: 60 };
		writeFileSync(
			file,
			JSON.stringify({
				port: 5000,
				accuauth: { apiId: 'id', apiSecret: 'secret' },
				apiKeys: [key],
				limits: { maxVendorCalls: 3 },
				redisUrl: 'redis://file',
			}),
		);
		const config = loadConfig({ IDVERIFY_CONFIG: file, REDIS_URL: 'redis://env', [limitEnvName('maxDepth')]: '7' });
		expect(config).toMatchObject({
			port: 5000,
			sandbox: false,
			secrets: { accuauth: { apiId: 'id', apiSecret: 'secret' } },
			apiKeys: [key],
			redisUrl: 'redis://env',
		});
		expect(config.limits).toMatchObject({ maxVendorCalls: 3, maxDepth: 7 });
		expect(limitEnvName('maxVendorCalls')).toBe('LIMIT_MAX_VENDOR_CALLS');
	});

	it('drops the line break a pasted secret comes with', () => {
		const config = loadConfig({ ACCUAUTH_API_ID: ' id-1\n', ACCUAUTH_API_SECRET: 'secret-2\r\n', AISOLUTION_TOKEN: 'tok\n' });
		expect(config.secrets).toEqual({ aisolution: { token: 'tok' }, accuauth: { apiId: 'id-1', apiSecret: 'secret-2' } });
	});

	it('names what is wrong, without echoing secrets', () => {
		expect(() => loadConfig({ ACCUAUTH_API_ID: 'only-id' })).toThrow(ConfigError);
		expect(() => loadConfig({ API_KEYS: '[{"name":"x","sha256":"plain-key","budgetPerDay":1,"ratePerMinute":1}]' })).toThrow(
			/sha256 must be the 64 hex digits/,
		);
		expect(() => loadConfig({ API_KEYS: '{not json "supersecret"' })).toThrow(/API_KEYS is not valid JSON/);
		expect(() => loadConfig({ API_KEYS: '{not json "supersecret"' })).not.toThrow(/supersecret/);
		expect(() => loadConfig({ LIMIT_MAX_VENDOR_CALLS: 'lots' })).toThrow(/LIMIT_MAX_VENDOR_CALLS must be a positive whole number/);
	});

	it('describes itself without secrets', () => {
		const text = JSON.stringify(
			describeConfig(
				loadConfig({
					AISOLUTION_TOKEN: 'tok-123',
					API_KEYS: JSON.stringify([{ name: 'web', sha256: sha256('k'), budgetPerDay: 1, ratePerMinute: 1 }]),
					METRICS_TOKEN: 'm-456',
					CALLBACK_SECRET: 'cb-789',
				}),
			),
		);
		expect(text).not.toMatch(/tok-123|m-456|cb-789|[0-9a-f]{64}/);
		expect(text).toContain('"apiKeys":["web"]');
	});
});

describe('start (npm start)', () => {
	it('says sandbox mode in its first log line, prints the sandbox key, and serves it', async () => {
		const lines: string[] = [];
		const server = await start(
			{ PORT: '0' },
			createLogger('info', (line) => lines.push(line)),
		);
		try {
			expect(JSON.parse(lines[0]).msg).toMatch(/^SANDBOX MODE: no vendor credentials configured/);
			expect(lines.join('\n')).toContain(SANDBOX_API_KEY);
			const listening = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'idverify GraphQL server listening');
			const response = await fetch(listening.graphql, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${SANDBOX_API_KEY}` },
				body: JSON.stringify({ query: '{ documents(country: EC) { id } }' }),
			});
			expect(await response.json()).toEqual({ data: { documents: [{ id: 'EC_ID_CARD' }] } });
		} finally {
			await server.close();
		}
	});

	it('refuses to start against the vendors without API keys', async () => {
		await expect(
			start(
				{ PORT: '0', AISOLUTION_TOKEN: 'real-token' },
				createLogger('error', () => undefined),
			),
		).rejects.toThrow(/no API keys/);
	});

	it('says vendor mode first when credentials are configured', async () => {
		const lines: string[] = [];
		const server = await start(
			{
				PORT: '0',
				AISOLUTION_TOKEN: 'real-token',
				AISOLUTION_BASE_URL: 'http://127.0.0.1:9/v1',
				API_KEYS: JSON.stringify([{ name: 'web', sha256: sha256('k'), budgetPerDay: 1, ratePerMinute: 1 }]),
			},
			createLogger('info', (line) => lines.push(line)),
		);
		try {
			expect(JSON.parse(lines[0]).msg).toBe('VENDOR MODE: calling aisolution with the configured credentials');
			expect(server.emulator).toBeNull();
			expect(lines.join('\n')).not.toContain('real-token');
		} finally {
			await server.close();
		}
	});
});

describe('the settings table', () => {
	it('graphql/README.md carries the table generated from the settings (run npm run schema after a change)', () => {
		expect(readFileSync(README_FILE, 'utf8')).toBe(readmeWithSettings(readFileSync(README_FILE, 'utf8')));
		expect(readFileSync(README_FILE, 'utf8')).toContain('| `RESEND_LOST_ANSWERS` | `resendLostAnswers` | flag | off |');
	});

	it('lists every setting the loader reads, once, with a description', () => {
		const envs = SETTINGS.map((s) => s.env);
		expect(new Set(envs).size).toBe(envs.length);
		for (const s of SETTINGS) expect({ env: s.env, described: s.description.length > 10 }).toEqual({ env: s.env, described: true });
		expect(envs).toEqual(
			expect.arrayContaining([
				'RESEND_LOST_ANSWERS',
				'RATE_LIMIT_WAIT_MS',
				'INCLUDE_RAW',
				'LIMIT_MAX_VENDOR_BYTES_IN_FLIGHT',
				'PERSISTED_OPERATIONS',
				'LIMIT_MAX_TOKENS',
			]),
		);
	});

	it('takes the lost-answer and rate-limit defaults from the core, and checks each type', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			resendLostAnswers: false,
			rateLimitWaitMs: DEFAULT_RATE_LIMIT_WAIT_MS,
			vendorTimeoutMs: DEFAULT_TIMEOUT_MS,
			logLevel: 'info',
		});
		expect(loadConfig({ RESEND_LOST_ANSWERS: 'true', RATE_LIMIT_WAIT_MS: '5000' })).toMatchObject({
			resendLostAnswers: true,
			rateLimitWaitMs: 5000,
		});
		expect(() => loadConfig({ RESEND_LOST_ANSWERS: 'maybe' })).toThrow('RESEND_LOST_ANSWERS must be true or false, got "maybe"');
		expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be 0–65535, got "70000"');
		expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be debug, info, warn or error, got "loud"');
	});

	it("checks config file values as strictly as the environment's, without echoing secrets", () => {
		const dir = mkdtempSync(join(tmpdir(), 'idv-config-'));
		const file = join(dir, 'config.json');
		writeFileSync(file, JSON.stringify({ limits: { maxDepth: -1 } }));
		expect(() => loadConfig({ IDVERIFY_CONFIG: file })).toThrow('limits.maxDepth (config file) must be a positive whole number, got -1');
		writeFileSync(file, JSON.stringify({ aisolution: { token: { secret: 'tok-999' } } }));
		expect(() => loadConfig({ IDVERIFY_CONFIG: file })).toThrow(/aisolution.token \(config file\) must be text/);
		expect(() => loadConfig({ IDVERIFY_CONFIG: file })).not.toThrow(/tok-999/);
	});
});
