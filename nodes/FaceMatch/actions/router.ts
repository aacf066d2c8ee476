import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readRunOptions } from '../../shared/options';
import { runScope } from '../../shared/client';
import { runItems } from '../../shared/routing';
import * as compare from './compare.operation';
import * as handHeldId from './handHeldId.operation';
import { FACE_BRANCHES, FAILED } from './judgment';

const operations = { compare, handHeldId };

/** Runs the chosen operation on every item; one client scope for the run. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const runOptions = readRunOptions(this);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const threshold = options.similarityThreshold === undefined || options.similarityThreshold === '' ? undefined : Number(options.similarityThreshold);
	const scope = await runScope(this, ['aisolution'], runOptions);
	return await runItems(this, {
		branches: FACE_BRANCHES.length,
		failedBranch: FAILED,
		concurrency: runOptions.concurrency,
		route: async (itemIndex) => {
			const operation = this.getNodeParameter('operation', itemIndex) as keyof typeof operations;
			const chosen = operations[operation];
			if (!chosen) throw new Error(`Unknown operation "${operation}"`);
			return await chosen.route.call(this, scope, itemIndex, threshold);
		},
	});
}
