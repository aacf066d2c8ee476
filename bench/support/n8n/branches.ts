import type { INodeExecutionData } from 'n8n-workflow';

/** The input index an output item came from (its pairedItem); throws when it has none. */
export const pairedIndex = (item: INodeExecutionData): number => {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (!paired || typeof paired.item !== 'number') {
		throw new Error(`An output item has no pairedItem: ${JSON.stringify(item.json).slice(0, 200)}`);
	}
	return paired.item;
};

/** The output each input item went to, by input index (throws when an item is on no output or on two). */
export function branchesByItem(outputs: INodeExecutionData[][], itemCount: number): number[] {
	const seen: number[] = new Array(itemCount).fill(-1);
	outputs.forEach((items, output) => {
		let previous = -1;
		for (const item of items) {
			const index = pairedIndex(item);
			if (index < 0 || index >= itemCount) throw new Error(`pairedItem ${index} is not an input item`);
			if (seen[index] !== -1) throw new Error(`Input item ${index} is on output ${seen[index]} and on output ${output}`);
			if (index <= previous) throw new Error(`Output ${output} is out of order: item ${index} after item ${previous}`);
			previous = index;
			seen[index] = output;
		}
	});
	const lost = seen.flatMap((output, index) => (output === -1 ? [index] : []));
	if (lost.length) throw new Error(`Input items on no output: ${lost.join(', ')}`);
	return seen;
}
