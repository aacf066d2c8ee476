import { spawn, type ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { processCpuMs } from '../children';

/** Child processes for the GraphQL benchmark: each server in its own process, apart from the load generator. */

export interface Child {
	url: string;
	pid: number;
	/** Peak resident set size so far (Linux VmHWM), in bytes. */
	peakRss(): number;
	/** Resident set size now (Linux VmRSS), in bytes. */
	rss(): number;
	/** CPU time the process has used so far (user + system, /proc/<pid>/stat), ms. */
	cpuMs(): number;
	close(): Promise<void>;
}

export async function startChild(script: string, env: Record<string, string>, ready: RegExp): Promise<Child> {
	const child: ChildProcess = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`${script} did not start within 30 s:\n${out}`)), 30_000);
		const untilReady = (chunk: Buffer) => {
			out += chunk.toString();
			const match = ready.exec(out);
			if (match) {
				clearTimeout(timer);
				// Not kept on: adding every later log line to `out` and scanning it again cost this process (the load
				// generator, on the same two CPUs) more with each line, during the GraphQL server's slices only.
				child.stdout!.off('data', untilReady);
				resolve(match[1]);
			}
		};
		child.stdout!.on('data', untilReady);
		child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${out}`)));
	});
	// Keep draining its output (log lines), unread, so the pipe never fills.
	child.stdout!.resume();
	return {
		url,
		pid: child.pid!,
		peakRss: () => statusKb(child.pid!, 'VmHWM'),
		rss: () => statusKb(child.pid!, 'VmRSS'),
		cpuMs: () => processCpuMs(child.pid!),
		close: () =>
			new Promise((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/** A size line of /proc/<pid>/status, in bytes. */
function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
	const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) * 1024 : NaN;
}

export const GRAPHQL_MAIN = join(__dirname, '..', '..', 'graphql', 'src', 'main.js');
export const PROXY_MAIN = join(__dirname, 'proxy.js');
