/** The image generator is shared with the benchmarks and lives with them: bench/support/images.ts. */
export * from '../../bench/support/images';
