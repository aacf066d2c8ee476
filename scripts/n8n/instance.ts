import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SqliteDatabase, type N8nDatabase } from './database';
import type { StoredExecution } from './executions';
import type { N8nInstall } from './install';

/**
 * One real n8n "user folder" (its SQLite database, settings, installed community packages) and the CLI
 * commands the tests and scripts need: install the packed package, import credentials and workflows,
 * execute a workflow, start the editor.
 */

/** Quiet and offline: no telemetry, no version checks, no templates (calls home without a switch fail at once, harmlessly). */
const QUIET = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	DB_TYPE: 'sqlite',
};

/** A fixed key, so imported credentials decrypt in every command. Sandbox values only: not a secret. */
export const TEST_ENCRYPTION_KEY = 'idverify-e2e-not-a-secret';

export interface CliResult {
	code: number | null;
	/** e.g. SIGSEGV: n8n 2.41.1 sometimes crashes on exit, after its work is saved. */
	signal: NodeJS.Signals | null;
	output: string;
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

export interface ExecuteResult {
	execution: StoredExecution;
	exit: CliResult;
}

export interface RunningN8n {
	url: string;
	/** The process's own log file. */
	logFile: string;
	/** Settles when the n8n process has ended, for whatever reason. */
	ended: Promise<void>;
	stop(): Promise<void>;
}

export class N8nInstance {
	/** N8N_USER_FOLDER: n8n keeps everything in its .n8n subfolder. */
	readonly userFolder: string;
	readonly logFile: string;
	/** Where this n8n keeps workflows and executions: its SQLite file unless told otherwise (queue mode: PostgreSQL). */
	readonly database: N8nDatabase;

	constructor(
		readonly root: string,
		readonly install: N8nInstall,
		private readonly extraEnv: Record<string, string> = {},
		database?: N8nDatabase,
	) {
		this.userFolder = join(root, 'user');
		this.logFile = join(root, 'n8n.log');
		mkdirSync(this.userFolder, { recursive: true });
		this.database = database ?? new SqliteDatabase(this.databaseFile, install.dir);
	}

	get databaseFile(): string {
		return join(this.userFolder, '.n8n', 'database.sqlite');
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		// Not jest's NODE_ENV=test: n8n then believes it runs inside its own unit tests and its commands do nothing.
		const { NODE_ENV: _testMode, JEST_WORKER_ID: _worker, ...inherited } = process.env;
		return {
			...inherited,
			...QUIET,
			...versionEnv(this.install.version),
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
			...this.extraEnv,
			...extra,
		};
	}

	/** Installs a packed community package where n8n looks for installed ones (.n8n/nodes/node_modules/<name>). */
	installPackage(tarball: string, name = 'n8n-nodes-idverify'): string {
		const target = join(this.userFolder, '.n8n', 'nodes', 'node_modules', name);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		return target;
	}

	/** Runs one n8n CLI command to its end; its output goes to the log file too. */
	cli(args: string[], extra: Record<string, string> = {}, timeoutMs = 180_000): Promise<CliResult> {
		return new Promise((resolve, reject) => {
			appendFileSync(this.logFile, `\n$ n8n ${args.join(' ')}\n`);
			const child = spawn(this.install.node, [this.install.bin, ...args], {
				cwd: this.userFolder,
				env: this.env(extra),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let output = '';
			const collect = (chunk: Buffer) => {
				output += chunk.toString('utf8');
				appendFileSync(this.logFile, chunk);
			};
			child.stdout.on('data', collect);
			child.stderr.on('data', collect);
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} did not end within ${timeoutMs} ms; log: ${this.logFile}`));
			}, timeoutMs);
			child.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				appendFileSync(this.logFile, `[n8n ${args[0]} ended: ${signal ?? `exit ${code}`}]\n`);
				resolve({ code, signal, output });
			});
		});
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.root, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials, null, '\t'));
		try {
			const result = await this.cli(['import:credentials', `--input=${file}`]);
			expectSuccess(result, /Successfully imported \d+ credential/, 'import:credentials', this.logFile);
		} finally {
			rmSync(file, { force: true }); // holds sandbox values only, but credentials files are not left lying around
		}
	}

	/** Imports workflows (objects with an `id` of at most 21 characters) in one command. */
	async importWorkflows(workflows: Array<{ id: string }>): Promise<void> {
		const dir = join(this.root, 'workflows');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, '\t'));
		const result = await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		expectSuccess(result, /Successfully imported \d+ workflow/, 'import:workflow', this.logFile);
	}

	/** Publishes (activates) a workflow, so `n8n start` registers its triggers and webhooks. */
	async publishWorkflow(workflowId: string): Promise<void> {
		const result = await this.cli(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0 && result.signal !== 'SIGSEGV') {
			throw new Error(
				`n8n publish:workflow --id=${workflowId} failed (exit ${result.code ?? result.signal}); log: ${this.logFile}\n${result.output.slice(-3000)}`,
			);
		}
	}

	/** The ids of the workflows in the database ([] before the first import). */
	workflowIds(): string[] {
		return this.database.workflowIds();
	}

	/** `n8n execute --id`; the execution is read back from the database, whatever the exit code says. */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const before = this.database.lastExecutionId();
		// Each command starts a task broker; a port of its own keeps parallel runs on one machine apart.
		const exit = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const executions = this.database.executions(workflowId, before);
		const execution = executions[executions.length - 1];
		if (!execution) {
			throw new Error(
				`n8n execute --id=${workflowId} stored no execution (exit ${exit.code ?? exit.signal}); end of its output:\n${exit.output.slice(-3000)}`,
			);
		}
		return { execution, exit };
	}

	/** `n8n start` on 127.0.0.1, ready when /healthz/readiness answers 200. */
	async start(port: number, extra: Record<string, string> = {}): Promise<RunningN8n> {
		return await this.serve('start', port, '/healthz/readiness', {
			N8N_HOST: '127.0.0.1',
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
			N8N_SECURE_COOKIE: 'false',
			...extra,
		});
	}

	/**
	 * A long-running n8n process on 127.0.0.1 (`start`, `worker`, `webhook`), with its own log file, ready when
	 * `readyPath` on `port` answers 200. Each gets a task broker port of its own.
	 */
	async serve(
		command: string,
		port: number,
		readyPath: string,
		extra: Record<string, string> = {},
		args: string[] = [],
	): Promise<RunningN8n> {
		const logFile = command === 'start' ? this.logFile : join(this.root, `n8n-${command}.log`);
		appendFileSync(logFile, `\n$ n8n ${command} (port ${port})\n`);
		const env = this.env({
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extra,
		});
		const child = spawn(this.install.node, [this.install.bin, command, ...args], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const log = (chunk: Buffer) => appendFileSync(logFile, chunk);
		child.stdout.on('data', log);
		child.stderr.on('data', log);
		let exited = false;
		const ended = new Promise<void>((resolve) => child.on('close', () => ((exited = true), resolve())));
		const url = `http://127.0.0.1:${port}`;
		const stop = async () => {
			if (exited) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await ended;
			clearTimeout(timer);
		};
		const deadline = Date.now() + 180_000;
		while (!(await ready(`${url}${readyPath}`))) {
			if (exited) throw new Error(`n8n ${command} ended before it was ready; log: ${logFile}`);
			if (Date.now() > deadline) {
				await stop();
				throw new Error(`n8n ${command} was not ready within 180 s; log: ${logFile}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		return { url, logFile, ended, stop };
	}
}

/**
 * Settings one n8n line needs here. With n8n 1.123's default expression engine ("vm", isolated-vm),
 * `$('Node').item` resolves to null in workflows run by `n8n execute`, even after n8n's own If node (measured
 * on 1.123.81); the engine 1.x used before ("legacy") resolves it, so the tests judge our nodes, not that.
 */
function versionEnv(version: string): Record<string, string> {
	return version.startsWith('1.') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {};
}

function expectSuccess(result: CliResult, success: RegExp, what: string, logFile: string): void {
	if (!success.test(result.output)) {
		throw new Error(`n8n ${what} failed (exit ${result.code ?? result.signal}); log: ${logFile}\n${result.output.slice(-3000)}`);
	}
}

async function ready(url: string): Promise<boolean> {
	try {
		const response = await fetch(url);
		return response.status === 200;
	} catch {
		return false;
	}
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
