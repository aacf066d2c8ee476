import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_CRM_PORT } from './n8n/demoCrm';
import { ensureN8nInstalled, REPO_ROOT } from './n8n/install';
import { freePort, N8nInstance } from './n8n/instance';
import { ownerSession } from './n8n/owner';
import { CREDENTIAL_IDS, loadWorkflowFiles, sandboxCredentials, startSandbox, type WorkflowFile } from './n8n/sandbox';

/**
 * The README's pictures, from a real n8n editor: each example workflow on the canvas after a run (so every
 * branch shows its item count), the review loop's form and the loop after the reviewer submitted it, and the
 * panels of ID Document OCR and WhatsApp Check (waiting for the callback). Run with `bash scripts/screenshots.sh`; needs Debian's
 * Chromium (/usr/bin/chromium). Writes docs/screenshots/*.png.
 */

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1600, height: 900 };
/** A quiet browser: no calls home, no QUIC, no GPU (headless on a server). */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const REVIEW_LOOP_ID = 'idvReviewLoop';

/** Workflows only for the panel pictures: one node each, set up as a user would set it. */
const PANEL_WORKFLOWS: WorkflowFile[] = [
	panelWorkflow('idvShotOcrSettings', 'ID Document OCR settings', {
		name: 'ID Document OCR',
		type: 'n8n-nodes-idverify.idDocumentOcr',
		typeVersion: 2,
		parameters: { operation: 'read', country: 'DE', document: 'ID_CARD', binaryPropertyName: 'data', options: {} },
	}),
	panelWorkflow('idvShotOcrExpr', 'ID Document OCR, Country as an expression', {
		name: 'ID Document OCR',
		type: 'n8n-nodes-idverify.idDocumentOcr',
		typeVersion: 2,
		parameters: { country: '={{ $json.country }}', document: 'ID_CARD', options: {} },
	}),
	panelWorkflow('idvShotWhatsAppWait', 'WhatsApp Check waiting for the callback', {
		name: 'WhatsApp Check',
		type: 'n8n-nodes-idverify.whatsAppCheck',
		typeVersion: 1,
		parameters: { number: '0812-3456-7890', country: 'ID', waitForFinal: 'callback', callbackMaxWaitSeconds: 3600, options: {} },
	}),
];

async function main(): Promise<void> {
	const tarball = process.env.IDV_PACKAGE_TGZ;
	if (!tarball) throw new Error('IDV_PACKAGE_TGZ is not set: run `bash scripts/screenshots.sh`');
	if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
	mkdirSync(OUT, { recursive: true });

	// The demo CRM on its usual port when free, so the HTTP Request nodes show the same URL as the example files.
	const sandbox = await startSandbox({ whatsappCheckingMs: 3000, crmPort: DEMO_CRM_PORT }).catch(() =>
		startSandbox({ whatsappCheckingMs: 3000 }),
	);
	const root = join(REPO_ROOT, '.e2e', 'screenshots');
	rmSync(root, { recursive: true, force: true });
	const n8n = new N8nInstance(root, ensureN8nInstalled());
	const examples = loadWorkflowFiles(sandbox.crm.origin);
	n8n.installPackage(tarball);
	await n8n.importCredentials(sandboxCredentials(sandbox.emulator));
	await n8n.importWorkflows([...examples.map(({ workflow }) => workflow), ...PANEL_WORKFLOWS]);
	const running = await n8n.start(await freePort());
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
	});
	try {
		const [name, value] = (await ownerSession(running.url)).split('=');
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
		await context.addCookies([{ name, value, url: running.url }]);
		const page = await context.newPage();

		for (const { file, workflow } of examples) {
			await openWorkflow(page, `${running.url}/workflow/${workflow.id}`);
			const executionId = await runInEditor(page, n8n, workflow.id);
			if (workflow.id === REVIEW_LOOP_ID) {
				await reviewLoop(page, n8n, running.url, executionId);
				// The editor does not redraw a run that resumed after a form; the execution's own view shows all of it.
				await openWorkflow(page, `${running.url}/workflow/${workflow.id}/executions/${executionId}`);
			}
			await fitView(page);
			await shoot(page, `${file}.png`);
		}

		await openPanel(page, `${running.url}/workflow/idvShotOcrSettings`, 'ID Document OCR');
		await expectParameters(page, 'ID Document OCR', ['operation', 'country', 'document']);
		await shoot(page, 'id-document-ocr-settings.png');

		// Country as an expression: the editor cannot pick a country's Document list, and Document must stay.
		await openPanel(page, `${running.url}/workflow/idvShotOcrExpr`, 'ID Document OCR');
		await expectParameters(page, 'ID Document OCR (Country as an expression)', ['country', 'document']);

		await openPanel(page, `${running.url}/workflow/idvShotWhatsAppWait`, 'WhatsApp Check');
		await expectParameters(page, 'WhatsApp Check', ['number', 'country', 'waitForFinal', 'callbackMaxWaitSeconds']);
		await shoot(page, 'whatsapp-check-callback-mode.png');
	} finally {
		await browser.close();
		await running.stop();
		await sandbox.close();
	}
}

type PanelNode = WorkflowFile['nodes'][number] & { typeVersion: number; position?: number[]; id?: string; credentials?: object };

function panelWorkflow(id: string, name: string, node: PanelNode): WorkflowFile {
	const credentials = { aiSolutionApi: { id: CREDENTIAL_IDS.aiSolution, name: 'AI Solution (idverify sandbox)' } };
	const nodes: PanelNode[] = [
		{ name: 'Try it', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0], id: randomUUID() },
		{ ...node, position: [260, 0], id: randomUUID(), credentials },
	];
	return {
		id,
		name,
		nodes,
		connections: { 'Try it': { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: {},
	};
}

async function shoot(page: Page, fileName: string): Promise<void> {
	const file = join(OUT, fileName);
	await page.screenshot({ path: file });
	console.log(`screenshots: ${file}`);
}

async function openWorkflow(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.waitForTimeout(1000);
}

async function openPanel(page: Page, url: string, nodeName: string): Promise<void> {
	await openWorkflow(page, url);
	await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first().dblclick();
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
	await page.waitForTimeout(1500);
}

/** A parameter the editor hides by mistake is a bug, not a picture: say so and fail the script. */
async function expectParameters(page: Page, nodeName: string, parameters: string[]): Promise<void> {
	for (const parameter of parameters) {
		if (!(await page.locator(`[data-test-id="parameter-input-${parameter}"]`).count())) {
			console.error(`screenshots: the editor does not show the ${nodeName} node's "${parameter}" parameter`);
			process.exitCode = 1;
		}
	}
}

/**
 * Clicks "Execute workflow" and waits until n8n has stored the execution, ended or waiting (the review loop's
 * form), so the canvas shows item counts. Returns the execution's id.
 */
async function runInEditor(page: Page, n8n: N8nInstance, workflowId: string): Promise<number> {
	const before = n8n.database.lastExecutionId();
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	const deadline = Date.now() + 90_000;
	for (;;) {
		const execution = n8n.database
			.executions(workflowId, before)
			.find((run) => run.finished || ['error', 'waiting', 'success', 'crashed'].includes(run.status));
		if (execution) {
			await page.waitForTimeout(1500);
			return execution.id;
		}
		if (Date.now() > deadline) throw new Error(`the run of ${workflowId} in the editor did not end or wait within 90 s`);
		await page.waitForTimeout(500);
	}
}

/**
 * Plays the reviewer: opens the form the waiting execution shows (the link a reviewer gets), takes its picture,
 * corrects the date of expiry and submits it; waits until the execution has finished.
 */
async function reviewLoop(page: Page, n8n: N8nInstance, url: string, executionId: number): Promise<void> {
	const raw = n8n.database.rawExecutionData(executionId);
	const flatted = createRequire(join(n8n.install.dir, 'package.json'))('flatted') as { parse(text: string): unknown };
	const token = raw ? (flatted.parse(raw) as { resumeToken?: string }).resumeToken : undefined;
	const form = await page.context().newPage();
	try {
		await form.goto(`${url}/form-waiting/${executionId}${token ? `?signature=${encodeURIComponent(token)}` : ''}`);
		const expiry = form.locator('input[value="2019-03-01"]').first();
		await expiry.waitFor({ timeout: 30_000 });
		await form.waitForTimeout(500);
		await shoot(form, 'id-card-review-form.png');
		await expiry.fill('2031-03-01');
		await form.locator('button[type="submit"], #submit-btn').first().click();
	} finally {
		await form.waitForTimeout(1000);
		await form.close();
	}
	const deadline = Date.now() + 90_000;
	while (!n8n.database.executions(REVIEW_LOOP_ID, executionId - 1).some((run) => run.id === executionId && run.finished)) {
		if (Date.now() > deadline) throw new Error(`the review loop's execution ${executionId} did not finish within 90 s of the form`);
		await page.waitForTimeout(500);
	}
}

/** Zoom to fit (n8n's "1" shortcut) with the panels and toasts out of the way. */
async function fitView(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page
		.locator('[data-test-id="canvas-wrapper"], .vue-flow')
		.first()
		.click({ position: { x: 5, y: 5 } })
		.catch(() => undefined);
	await page.keyboard.press('1');
	await page.waitForTimeout(800);
}

main().catch((error: unknown) => {
	console.error(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
});
