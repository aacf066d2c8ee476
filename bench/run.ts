import { benchCoreOverhead } from './core';

/** `npm run bench`: every benchmark in turn, each printing its figures. */
async function main() {
	const only = process.argv[2];
	const benches: [string, () => Promise<string>][] = [['core', () => benchCoreOverhead()]];
	for (const [name, run] of benches) {
		if (only && only !== name) continue;
		console.log(`\n== ${name}`);
		console.log(await run());
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
