import type { INodeExecutionData } from 'n8n-workflow';

const pairedIndex = (item: INodeExecutionData): number => {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (!paired || typeof paired.item !== 'number') throw new Error(`An output item has no pairedItem: ${JSON.stringify(item.json).slice(0, 200)}`);
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

/** The item that came from input item `index`, wherever it went. */
export function itemFor(outputs: INodeExecutionData[][], index: number): INodeExecutionData {
	for (const items of outputs) for (const item of items) if (pairedIndex(item) === index) return item;
	throw new Error(`No output item for input item ${index}`);
}

/** Every string a run produced (outputs, errors, descriptions), to look for secrets in. */
export function everything(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v instanceof Error) return { ...v, message: v.message, stack: v.stack, description: (v as { description?: unknown }).description };
		if (v && typeof v === 'object') {
			if (seen.has(v)) return undefined;
			seen.add(v);
		}
		return v;
	});
}
