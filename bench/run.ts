import { cpus, loadavg } from 'node:os';
import { endDescendants } from './children';
import { benchCoreOverhead } from './core';
import { benchFaultMixes } from './faults';
import { benchGraphql } from './graphql';
import { benchN8nMemory } from './n8n/memory';
import { benchN8nThroughput } from './n8n/throughput';
import { benchReliability } from './reliability';

type Out = (line: string) => void;

/**
 * `npm run bench [name]`: every benchmark in turn, each printing its figures as it goes. A name runs the
 * benchmarks it names or starts (`n8n` runs n8n-throughput and n8n-memory).
 */
const BENCHES: [name: string, run: (out: Out) => Promise<void>, limitSeconds: number][] = [
	['core', async (out) => out(await benchCoreOverhead()), 180],
	['n8n-throughput', benchN8nThroughput, 600],
	['n8n-memory', benchN8nMemory, 600],
	['faults', benchFaultMixes, 300],
	['reliability', benchReliability, 300],
	['graphql', (out) => benchGraphql(out), 300],
];

/** Every benchmark stops by itself: past its limit the run ends, with the processes it started. */
function withinLimit(name: string, work: Promise<void>, limitSeconds: number): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	const limit = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`benchmark ${name} ran past its limit of ${limitSeconds} s; stopped`)), limitSeconds * 1000);
	});
	return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Other work on the machine skews every figure: each benchmark says how busy the machine was. */
const machine = () =>
	`${cpus().length} CPUs, load average ${loadavg()
		.map((x) => x.toFixed(2))
		.join(' / ')} (1 / 5 / 15 min), Node ${process.version}`;

async function main() {
	const only = process.argv[2];
	const known = BENCHES.map(([name]) => name);
	const selected = (name: string) => !only || name === only || name.startsWith(`${only}-`);
	if (!known.some(selected)) throw new Error(`unknown benchmark "${only}"; known: ${known.join(', ')}`);
	for (const [name, run, limitSeconds] of BENCHES) {
		if (!selected(name)) continue;
		console.log(`\n== ${name}`);
		console.log(`(machine: ${machine()})`);
		const started = performance.now();
		await withinLimit(
			name,
			run((line) => console.log(line)),
			limitSeconds,
		);
		console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s; machine after: ${machine()})`);
	}
}

main().then(
	// Every bench closes what it started; exit anyway so a stray handle cannot keep the run alive.
	() => process.exit(0),
	(error) => {
		console.error(error);
		endDescendants();
		process.exit(1);
	},
);
