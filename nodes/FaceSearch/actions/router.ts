import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readPrivacyOptions, readRunOptions } from '../../shared/options';
import { runScope } from '../../shared/client';
import { runItems } from '../../shared/routing';
import * as add from './add.operation';
import * as search from './search.operation';
import * as del from './delete.operation';
import { BRANCHES, type FaceSearchOperation, type FaceSearchRun } from './branches';

const operations = { add, search, delete: del };

/** One operation per run (the outputs depend on it), one client scope for all items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as FaceSearchOperation;
	const chosen = operations[operation];
	if (!chosen) throw new Error(`Unknown operation "${operation}"`);
	const runOptions = readRunOptions(this);
	const privacy = readPrivacyOptions(this);
	const run: FaceSearchRun = { operation, keepImage: privacy.keepImage, includeRaw: privacy.includeRaw };
	const scope = await runScope(this, ['aisolution'], runOptions);
	const failed = BRANCHES[operation].outcomes.indexOf('failed');
	const v2 = this.getNode().typeVersion >= 2;
	return await runItems(this, {
		branches: v2 ? failed : BRANCHES[operation].names.length,
		failedBranch: v2 ? null : failed,
		concurrency: runOptions.concurrency,
		route: async (itemIndex) => await chosen.execute.call(this, scope, run, itemIndex),
	});
}
