/** The real-n8n end-to-end suite: `npm run test:e2e` (test/e2e/run.sh builds, packs and installs n8n first). */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// tsconfig.json sets isolatedModules: each file is transpiled alone, without type-checking (npm test type-checks).
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// Each n8n CLI command takes seconds (a cold start per command); the files share one machine's 2 cores.
	testTimeout: 300000,
	maxWorkers: 1,
	verbose: true,
};
