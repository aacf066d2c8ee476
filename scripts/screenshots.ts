import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_CRM_PORT } from './n8n/demoCrm';
import { lastExecutionId, readExecutions } from './n8n/executions';
import { ensureN8nInstalled, REPO_ROOT } from './n8n/install';
import { freePort, N8nInstance } from './n8n/instance';
import { ownerSession } from './n8n/owner';
import { loadWorkflowFiles, sandboxCredentials, startSandbox } from './n8n/sandbox';

/**
 * The README's pictures: each example workflow on a real n8n canvas after a run (so every branch shows its
 * item count), and the ID Document OCR node's settings. Run with `bash scripts/screenshots.sh`; needs
 * Debian's Chromium (/usr/bin/chromium). Writes docs/screenshots/*.png.
 */

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1600, height: 900 };

async function main(): Promise<void> {
	const tarball = process.env.IDV_PACKAGE_TGZ;
	if (!tarball) throw new Error('IDV_PACKAGE_TGZ is not set: run `bash scripts/screenshots.sh`');
	if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
	mkdirSync(OUT, { recursive: true });

	// The demo CRM on its usual port when free, so the HTTP Request nodes show the same URL as the example files.
	const sandbox = await startSandbox({ whatsappCheckingMs: 3000, crmPort: DEMO_CRM_PORT }).catch(() => startSandbox({ whatsappCheckingMs: 3000 }));
	const root = join(REPO_ROOT, '.e2e', 'screenshots');
	rmSync(root, { recursive: true, force: true });
	const n8n = new N8nInstance(root, ensureN8nInstalled());
	const examples = loadWorkflowFiles(sandbox.crm.origin);
	const workflows = examples.map(({ workflow }) => workflow);
	n8n.installPackage(tarball);
	await n8n.importCredentials(sandboxCredentials(sandbox.emulator));
	await n8n.importWorkflows(workflows);
	const running = await n8n.start(await freePort());
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	try {
		const [name, value] = (await ownerSession(running.url)).split('=');
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
		await context.addCookies([{ name, value, url: running.url }]);
		const page = await context.newPage();

		for (const { file: name, workflow } of examples) {
			await openWorkflow(page, `${running.url}/workflow/${workflow.id}`);
			await runInEditor(page, n8n, workflow.id);
			await fitView(page);
			const file = join(OUT, `${name}.png`);
			await page.screenshot({ path: file });
			console.log(`screenshots: ${file}`);
		}

		// The OCR node's settings panel: country → document dropdowns, image source, options.
		await openWorkflow(page, `${running.url}/workflow/idvOcrEmailToCrm`);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'ID Document OCR' }).first().dblclick();
		await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
		await page.waitForTimeout(1500);
		// The editor hides a parameter it takes for the node's "authentication" field (one that the credentials'
		// displayOptions.show covers completely); the Country dropdown must stay visible.
		for (const parameter of ['country', 'document']) {
			if (!(await page.locator(`[data-test-id="parameter-input-${parameter}"]`).count())) {
				console.error(`screenshots: the editor does not show the OCR node's "${parameter}" parameter`);
				process.exitCode = 1;
			}
		}
		const file = join(OUT, 'id-document-ocr-settings.png');
		await page.screenshot({ path: file });
		console.log(`screenshots: ${file}`);
	} finally {
		await browser.close();
		await running.stop();
		await sandbox.close();
	}
}

async function openWorkflow(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.waitForTimeout(1000);
}

/** Clicks "Execute workflow" and waits until n8n has stored the execution, so the canvas shows item counts. */
async function runInEditor(page: Page, n8n: N8nInstance, workflowId: string): Promise<void> {
	const before = lastExecutionId(n8n.databaseFile);
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	const deadline = Date.now() + 90_000;
	while (!readExecutions(n8n.databaseFile, n8n.install.dir, workflowId, before).some((execution) => execution.finished || execution.status === 'error')) {
		if (Date.now() > deadline) throw new Error(`the run of ${workflowId} in the editor did not finish within 90 s`);
		await page.waitForTimeout(500);
	}
	await page.waitForTimeout(1500);
}

/** Zoom to fit (n8n's "1" shortcut) with the panels and toasts out of the way. */
async function fitView(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="canvas-wrapper"], .vue-flow').first().click({ position: { x: 5, y: 5 } }).catch(() => undefined);
	await page.keyboard.press('1');
	await page.waitForTimeout(800);
}

main().catch((error: unknown) => {
	console.error(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
});
