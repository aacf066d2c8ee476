import { startEmulator } from './index';

/** `npm run sandbox`: the vendor emulator on a fixed port, with what to paste into credentials. */
async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 8787);
	const whatsappCheckingMs = process.env.SANDBOX_WHATSAPP_CHECKING_MS ? Number(process.env.SANDBOX_WHATSAPP_CHECKING_MS) : undefined;
	const emulator = await startEmulator({ port, whatsappCheckingMs });
	const { baseUrls, credentials } = emulator;
	const origin = `http://127.0.0.1:${emulator.port}`;
	console.log(`idverify sandbox: both vendors emulated on ${origin} (loopback only)

AI Solution
  base URL   ${baseUrls.aisolution}
  token      ${credentials.token}

AccuAuth
  base URL   ${baseUrls.accuauth}      ({country} = indonesia | ecuador)
  API ID     ${credentials.apiId}
  API secret ${credentials.apiSecret}

Control:  GET ${origin}/__emulator/accounting · POST ${origin}/__emulator/faults · POST ${origin}/__emulator/readings
          POST ${origin}/__emulator/reset (see emulator/README.md)
These are sandbox values, not secrets. Ctrl+C stops it.`);
	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
