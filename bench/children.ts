import { readdirSync, readFileSync } from 'node:fs';

/** The ids of this process's descendants (Linux /proc), children before grandchildren. */
export function descendants(root = process.pid): number[] {
	const parentOf = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const ppid = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
			if (ppid) parentOf.set(Number(entry), Number(ppid[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const found: number[] = [];
	const queue = [root];
	while (queue.length) {
		const parent = queue.shift()!;
		for (const [pid, ppid] of parentOf) {
			if (ppid !== parent) continue;
			found.push(pid);
			queue.push(pid);
		}
	}
	return found;
}

/** Ends the processes this benchmark started (emulators, servers, measurement children), by their ids. */
export function endDescendants(): void {
	for (const pid of descendants().reverse()) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

/** The first descendant whose command line contains `fragment` (e.g. the emulator's main.js), or null. */
export function descendantRunning(fragment: string): number | null {
	for (const pid of descendants()) {
		try {
			if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(fragment)) return pid;
		} catch {
			// Gone.
		}
	}
	return null;
}

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms on Linux). */
export function processCpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may hold spaces: count fields after its closing parenthesis.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}
