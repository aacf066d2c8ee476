import { ConfigError, SANDBOX_API_KEY, describeConfig, loadConfig } from './config';
import { createLogger, type Logger } from './log';
import { startEmulator, type Emulator } from '../../emulator';
import { createIdverifyServer, type IdverifyServer } from './server';

/** `npm start`: the GraphQL server, against the vendors when credentials are configured, else the built-in sandbox. */
export async function start(env: Record<string, string | undefined> = process.env, logger?: Logger): Promise<IdverifyServer<Emulator>> {
	const config = loadConfig(env);
	const log = logger ?? createLogger(config.logLevel);
	// The first line says which vendors this server talks to: nobody should think the sandbox is real.
	if (config.sandbox)
		log.info(
			'SANDBOX MODE: no vendor credentials configured (AISOLUTION_TOKEN, ACCUAUTH_API_ID/SECRET); starting the built-in vendor emulator, no real vendor is called',
		);
	else log.info(`VENDOR MODE: calling ${Object.keys(config.secrets).join(' and ')} with the configured credentials`);

	// The only place the sandbox is wired: the server itself knows vendors by base URL and credentials.
	const sandbox = config.sandbox ? await startEmulator({ port: 0 }) : null;
	const server = await createIdverifyServer(config, log, sandbox).catch(async (error: unknown) => {
		await sandbox?.close();
		throw error;
	});
	const url = await server.listen();
	if (server.emulator)
		log.info('sandbox emulator listening', {
			aisolution: server.emulator.baseUrls.aisolution,
			accuauth: server.emulator.baseUrls.accuauth,
		});
	log.info('idverify GraphQL server listening', {
		graphql: `${url}${config.graphqlPath}`,
		health: `${url}/health`,
		metrics: `${url}/metrics`,
		...describeConfig(config),
	});
	if (config.sandbox && config.apiKeys.length === 0) {
		log.info(`sandbox API key (send as "Authorization: Bearer ${SANDBOX_API_KEY}"; GraphiQL has it preset): ${SANDBOX_API_KEY}`);
	}
	return server;
}

if (require.main === module) {
	start().then(
		(server) => {
			const stop = () => void server.close().then(() => process.exit(0));
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		},
		(error) => {
			// A ConfigError says what to fix; anything else is reported by name and message only.
			console.error(
				error instanceof ConfigError
					? `Configuration error: ${error.message}`
					: `Cannot start: ${(error as Error).name}: ${(error as Error).message}`,
			);
			process.exit(1);
		},
	);
}
