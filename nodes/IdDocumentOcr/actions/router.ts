import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runItems } from '../../shared/routing';
import { OCR_BRANCH, OCR_BRANCHES } from './branches';
import * as read from './read.operation';

/** Runs the chosen operation on every item: one plan (and one client scope) for the run. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0, 'read') as string;
	if (operation !== 'read') throw new Error(`Unknown operation "${operation}"`);
	const version = this.getNode().typeVersion;
	const run = await read.prepare.call(this);
	return await runItems(this, {
		branches: version >= 2 ? OCR_BRANCH.failed : OCR_BRANCHES.length,
		failedBranch: version >= 2 ? null : OCR_BRANCH.failed,
		concurrency: run.runOptions.concurrency,
		route: async (itemIndex) => await read.execute.call(this, run, itemIndex),
	});
}
