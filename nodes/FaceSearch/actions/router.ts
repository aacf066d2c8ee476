import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readRunOptions } from '../../shared/options';
import { runScope } from '../../shared/client';
import { runItems } from '../../shared/routing';
import * as add from './add.operation';
import * as search from './search.operation';
import * as del from './delete.operation';
import { BRANCHES, type FaceSearchOperation } from './branches';

const operations = { add, search, delete: del };

/** One operation per run (the outputs depend on it), one client scope for all items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as FaceSearchOperation;
	const chosen = operations[operation];
	if (!chosen) throw new Error(`Unknown operation "${operation}"`);
	const runOptions = readRunOptions(this);
	const scope = await runScope(this, ['aisolution'], runOptions);
	const branches = BRANCHES[operation];
	return await runItems(this, {
		branches: branches.names.length,
		failedBranch: branches.outcomes.indexOf('failed'),
		concurrency: runOptions.concurrency,
		route: async (itemIndex) => await chosen.route.call(this, scope, itemIndex),
	});
}
