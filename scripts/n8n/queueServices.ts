import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './instance';

/**
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages (`postgresql`, `redis-server`; .ci/queue-services.sh
 * installs them), each started by hand on a free loopback port with its data in a temporary folder, and removed
 * when stopped. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the package creates.
 */

export interface Postgres {
	port: number;
	database: string;
	user: string;
	/** Runs one SQL statement with psql and returns its output (tuples only, unaligned). */
	query(sql: string): string;
	stop(): Promise<void>;
}

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

/** The folder with initdb and postgres: pg_config's, or the newest /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string | null {
	try {
		const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		if (existsSync(join(dir, 'initdb'))) return dir;
	} catch {
		// pg_config comes with libpq-dev, which is not always installed
	}
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const majors = readdirSync(root)
		.filter((name) => /^\d+$/.test(name))
		.sort((a, b) => Number(b) - Number(a));
	const major = majors.find((name) => existsSync(join(root, name, 'bin', 'initdb')));
	return major ? join(root, major, 'bin') : null;
}

/** What is missing to run queue mode here, or null when PostgreSQL, psql and Redis are all installed. */
export function missingQueueServices(): string | null {
	const missing: string[] = [];
	if (!postgresBinDir()) missing.push('PostgreSQL (initdb, postgres)');
	for (const tool of ['psql', 'redis-server']) {
		try {
			execFileSync(tool, ['--version'], { stdio: 'ignore' });
		} catch {
			missing.push(tool);
		}
	}
	return missing.length ? `${missing.join(', ')} not installed (bash .ci/queue-services.sh installs them)` : null;
}

interface Account {
	uid: number;
	gid: number;
}

/** The `postgres` account when running as root; the current user otherwise. */
function postgresAccount(): Account | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

export async function startPostgres(label = 'n8n'): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error("PostgreSQL is not installed (bash .ci/queue-services.sh installs Debian's postgresql)");
	const account = postgresAccount();
	const root = mkdtempSync(join(tmpdir(), `idverify-pg-${label}-`));
	if (account) chownSync(root, account.uid, account.gid);
	const data = join(root, 'data');
	const asOwner = { ...(account ?? {}), env: { ...process.env, LC_ALL: 'C.UTF-8' } };
	execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
		...asOwner,
		stdio: 'ignore',
	});
	const port = await freePort();
	// Throwaway test data: no fsync, no socket file outside the folder, loopback TCP only.
	const settings = [
		'listen_addresses=127.0.0.1',
		`unix_socket_directories=${root}`,
		'fsync=off',
		'synchronous_commit=off',
		'full_page_writes=off',
		'max_connections=100',
	];
	const child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])], {
		...asOwner,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	const log = collect(child);
	const psql = (database: string, sql: string) =>
		execFileSync(
			'psql',
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql],
			{
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
				maxBuffer: 256 * 1024 * 1024,
			},
		);
	const stop = async () => {
		await end(child, 'SIGINT'); // PostgreSQL's "fast" shutdown
		rmSync(root, { recursive: true, force: true });
	};
	try {
		await until(
			() => psql('postgres', 'SELECT 1').trim() === '1',
			30_000,
			() => `PostgreSQL did not start on port ${port}: ${log()}`,
		);
		psql('postgres', 'CREATE DATABASE n8n');
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, database: 'n8n', user: 'postgres', query: (sql) => psql('n8n', sql), stop };
}

export async function startRedis(): Promise<Redis> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'idverify-redis-'));
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = collect(child);
	const stop = async () => {
		await end(child, 'SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await until(
			() => /Ready to accept connections/.test(log()),
			15_000,
			() => `redis-server did not start on port ${port}: ${log()}`,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}

/** Keeps the last few KB of a child's output, for error messages. */
function collect(child: ChildProcess): () => string {
	let text = '';
	const add = (chunk: Buffer) => (text = (text + chunk.toString('utf8')).slice(-4000));
	child.stdout?.on('data', add);
	child.stderr?.on('data', add);
	return () => text;
}

async function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await ended;
	clearTimeout(timer);
}

async function until(check: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			if (check()) return;
		} catch {
			// not ready yet
		}
		if (Date.now() > deadline) throw new Error(failure());
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
