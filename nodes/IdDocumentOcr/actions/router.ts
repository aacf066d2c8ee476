import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runItems } from '../../shared/routing';
import { OCR_BRANCH, OCR_BRANCHES } from './branches';
import * as read from './read.operation';
import * as validateFields from './validateFields.operation';

/** Runs the chosen operation on every item: one plan (and one client scope) for the run. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0, 'read') as string;
	const version = this.getNode().typeVersion;
	const outputs = {
		branches: version >= 2 ? OCR_BRANCH.failed : OCR_BRANCHES.length,
		failedBranch: version >= 2 ? null : OCR_BRANCH.failed,
	};
	if (operation === 'validateFields') {
		return await runItems(this, {
			...outputs,
			concurrency: 1,
			route: async (itemIndex) => await validateFields.execute.call(this, itemIndex),
		});
	}
	if (operation !== 'read') throw new Error(`Unknown operation "${operation}"`);
	const run = await read.prepare.call(this);
	return await runItems(this, {
		...outputs,
		concurrency: run.runOptions.concurrency,
		route: async (itemIndex) => await read.execute.call(this, run, itemIndex),
	});
}
