/**
 * Runs `work` for items 0…count-1 with at most `width` at once, and returns the results by item index.
 * When `stopEarly` says so after a result, no new item is started (the ones in flight finish):
 * a run that is going to stop with an error does not pay for the items after it.
 */
export async function forEachItem<T>(
	count: number,
	width: number,
	work: (itemIndex: number) => Promise<T>,
	stopEarly: (result: T) => boolean = () => false,
): Promise<Array<T | undefined>> {
	const results: Array<T | undefined> = new Array(count);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < count) {
			const index = next++;
			results[index] = await work(index);
			if (stopEarly(results[index] as T)) stopped = true;
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, width), count) }, worker));
	return results;
}
