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
		for (const [pid, ppid] of parentOf) if (ppid === parent) (found.push(pid), queue.push(pid));
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
