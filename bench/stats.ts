/** Small statistics for benchmark output. */

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

export function summary(samples: readonly number[]): { n: number; median: number; p95: number; p99: number; mean: number } {
	const sorted = [...samples].sort((a, b) => a - b);
	const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
	return { n: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

export const ms = (x: number) => `${x.toFixed(3)} ms`;
