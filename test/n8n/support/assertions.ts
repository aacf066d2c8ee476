import type { INodeExecutionData } from 'n8n-workflow';
import { branchesByItem, pairedIndex } from '../../../bench/support/n8n/branches';

export { branchesByItem };

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
