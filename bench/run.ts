import { cpus, loadavg } from 'node:os';
import { benchCoreOverhead } from './core';
import { benchGraphql } from './graphql';
import { benchN8nMemory } from './n8n/memory';
import { benchN8nThroughput } from './n8n/throughput';
import { benchReliability } from './reliability';

type Out = (line: string) => void;

/**
 * `npm run bench [name]`: every benchmark in turn, each printing its figures as it goes. A name runs the
 * benchmarks it names or starts (`n8n` runs n8n-throughput and n8n-memory).
 */
const BENCHES: [string, (out: Out) => Promise<void>][] = [
	['core', async (out) => out(await benchCoreOverhead())],
	['n8n-throughput', benchN8nThroughput],
	['n8n-memory', benchN8nMemory],
	['reliability', benchReliability],
	['graphql', (out) => benchGraphql(out)],
];

/** Other work on the machine skews every figure: each benchmark says how busy the machine was. */
const machine = () => `${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (1 / 5 / 15 min), Node ${process.version}`;

async function main() {
	const only = process.argv[2];
	const known = BENCHES.map(([name]) => name);
	const selected = (name: string) => !only || name === only || name.startsWith(`${only}-`);
	if (!known.some(selected)) throw new Error(`unknown benchmark "${only}"; known: ${known.join(', ')}`);
	for (const [name, run] of BENCHES) {
		if (!selected(name)) continue;
		console.log(`\n== ${name}`);
		console.log(`(machine: ${machine()})`);
		const started = performance.now();
		await run((line) => console.log(line));
		console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s; machine after: ${machine()})`);
	}
}

main().then(
	// Every bench closes what it started; exit anyway so a stray handle cannot keep the run alive.
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
