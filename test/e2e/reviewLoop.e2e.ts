import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { EXAMPLES_DIR, loadWorkflows } from '../../scripts/n8n/sandbox';
import { builtDescription, describeIf, findOptionValue } from './features';
import { useRealN8n } from './realN8n';

/**
 * The review loop (examples/n8n/id-card-review-loop.json) in a running n8n: OCR → Needs review → an n8n form
 * (Wait node, "On form submitted") pre-filled with the canonical fields and the review reasons → Validate Fields
 * → CRM. The test plays the reviewer: it opens the form as a browser would, corrects the date of expiry and
 * submits it; the CRM must get the corrected record. In queue mode the webhook processor serves the form and a
 * worker resumes the execution.
 */

const WORKFLOW_ID = 'idvReviewLoop';
const EXAMPLE = join(EXAMPLES_DIR, 'id-card-review-loop.json');
const validateFields = findOptionValue(builtDescription('idDocumentOcr'), /validate fields/i);
const available = !!validateFields && existsSync(EXAMPLE);
const describeLoop = describeIf(
	available,
	validateFields
		? `${EXAMPLE} is missing: the review-loop e2e test did not run`
		: 'ID Document OCR in dist/ has no "Validate Fields" operation yet: the review-loop e2e test did not run',
);

const real = available
	? useRealN8n('review-loop', {
			workflows: ({ crm }) => loadWorkflows(crm).filter((workflow) => workflow.id === WORKFLOW_ID),
			server: true,
		})
	: undefined;

/**
 * The address of the form a waiting execution shows: n8n 2.x signs it with the execution's resume token, which
 * the reviewer gets in the link (the Wait node's $execution.resumeFormUrl); the test reads it from the database.
 */
function formUrl(executionId: number): string {
	if (!real) throw new Error('no n8n');
	const raw = real.n8n.database.rawExecutionData(executionId);
	const flatted = createRequire(join(real.n8n.install.dir, 'package.json'))('flatted') as { parse(text: string): unknown };
	const token = raw ? (flatted.parse(raw) as { resumeToken?: string }).resumeToken : undefined;
	return `${real.webhookOrigin}/form-waiting/${executionId}${token ? `?signature=${encodeURIComponent(token)}` : ''}`;
}

/** The form's fields in page order (n8n names them field-0, field-1, …), and their pre-filled values. */
function formFields(html: string): Array<{ name: string; value: string }> {
	const fields: Array<{ name: string; value: string }> = [];
	for (const match of html.matchAll(/<input\b[^>]*>/g)) {
		const tag = match[0];
		const name = /\bname=["']?(field-\d+)/.exec(tag)?.[1];
		if (!name) continue;
		const value = /\bvalue=["']([^"']*)["']/.exec(tag)?.[1] ?? '';
		fields.push({ name, value: value.replace(/&#x2F;|&#47;/g, '/').replace(/&amp;/g, '&') });
	}
	return fields;
}

describeLoop('the review loop: a reviewer corrects a card in an n8n form, Validate Fields checks it, the CRM gets it', () => {
	let executionId = 0;
	let formHtml = '';
	let fields: Array<{ name: string; value: string }> = [];
	beforeAll(async () => {
		if (!real) return;
		const run = await real.execute(WORKFLOW_ID);
		executionId = run.execution.id;
		expect(run.execution.status).toBe('waiting');
		const page = await fetch(formUrl(executionId));
		expect(page.status).toBe(200);
		formHtml = await page.text();
		fields = formFields(formHtml);
	}, 300_000);

	test('the form is pre-filled with the canonical fields and shows the review reasons', () => {
		expect(fields.map((field) => field.value)).toEqual(expect.arrayContaining(['MUELLER', 'BEN', '2019-03-01']));
		expect(formHtml).toMatch(/expired|notExpired/i);
	});

	test('the corrected card goes through Validate Fields to the CRM', async () => {
		if (!real) return;
		const form = new FormData();
		for (const field of fields) form.append(field.name, field.value === '2019-03-01' ? '2031-03-01' : field.value);
		const submitted = await fetch(formUrl(executionId), { method: 'POST', body: form });
		expect(submitted.status).toBeLessThan(400);
		const [finished] = await real.waitForExecutions(WORKFLOW_ID, {
			afterId: executionId - 1,
			timeoutMs: 120_000,
			done: (run) => run.id === executionId && run.finished,
		});
		expect(finished.status).toBe('success');
		expect(real.sandbox.crm.list('contacts')).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ lastName: 'MUELLER', firstName: 'BEN', dateOfExpiry: '2031-03-01', reviewed: true }),
			]),
		);
	}, 300_000);
});

describeLoop('the n8n log', () => {
	test('has no error about the package', () => {
		expect(real?.packageErrors()).toEqual([]);
	});
});
