import { join } from 'node:path';
import { DEMO_CRM_PORT } from './n8n/demoCrm';
import { ensureN8nInstalled, REPO_ROOT } from './n8n/install';
import { N8nInstance } from './n8n/instance';
import { DEMO_OWNER, ownerSession } from './n8n/owner';
import { loadWorkflows, sandboxCredentials, startSandbox } from './n8n/sandbox';

/**
 * `npm run n8n` (through scripts/n8n-local.sh, which builds and packs first): a real local n8n with this
 * package installed, the vendor sandbox behind its credentials, the demo CRM, and the example workflows.
 * Everything lives in .n8n-local/ and survives restarts; edited examples are not overwritten.
 */

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8787);

async function main(): Promise<void> {
	const tarball = process.env.IDV_PACKAGE_TGZ;
	if (!tarball) throw new Error('IDV_PACKAGE_TGZ is not set: start it with `npm run n8n`');
	const sandbox = await startSandbox({ emulatorPort: SANDBOX_PORT, crmPort: DEMO_CRM_PORT });
	const n8n = new N8nInstance(join(REPO_ROOT, '.n8n-local'), ensureN8nInstalled());
	n8n.installPackage(tarball);
	console.log('n8n-local: importing the sandbox credentials and the example workflows …');
	await n8n.importCredentials(sandboxCredentials(sandbox.emulator));
	const present = new Set(n8n.workflowIds());
	const missing = loadWorkflows(sandbox.crm.origin).filter((workflow) => !present.has(workflow.id));
	if (missing.length) await n8n.importWorkflows(missing);

	console.log(`n8n-local: starting n8n on 127.0.0.1:${N8N_PORT} (10–30 s) …`);
	const running = await n8n.start(N8N_PORT);
	await ownerSession(running.url);

	console.log(`
n8n is running with the idverify nodes:  ${running.url}
  log in as    ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}   (a local sandbox account)

  Open a workflow and click "Execute workflow":
${loadWorkflows(sandbox.crm.origin)
	.map((workflow) => `    ${running.url}/workflow/${workflow.id}   ${workflow.name}`)
	.join('\n')}

  The credentials "AI Solution (idverify sandbox)" and "AccuAuth (idverify sandbox)" point at the vendor
  sandbox on ${sandbox.emulator.baseUrls.aisolution.replace(/\/aisolution.*/, '')}: no vendor account, nothing is paid. The sample images carry
  "idv:" markers that choose the sandbox's answer (see emulator/README.md).
  The demo CRM shows what the workflows sent:  ${sandbox.crm.origin}/
  n8n's log: ${n8n.logFile}
  n8n ${n8n.install.version} is installed in ${n8n.install.dir}
  Ports: N8N_PORT=${N8N_PORT}, SANDBOX_PORT=${SANDBOX_PORT}, DEMO_CRM_PORT=${DEMO_CRM_PORT}

Ctrl+C stops n8n and the sandbox.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nn8n-local: stopping …');
		await running.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	void running.ended.then(async () => {
		if (stopping) return;
		console.error(`n8n-local: n8n ended by itself; see ${n8n.logFile}`);
		await sandbox.close();
		process.exit(1);
	});
}

main().catch((error: unknown) => {
	console.error(`n8n-local: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
