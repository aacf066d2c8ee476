import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readPrivacyOptions, readRunOptions } from '../../shared/options';
import { runScope } from '../../shared/client';
import { runItems } from '../../shared/routing';
import { FACE_BRANCH, FACE_BRANCHES } from './branches';
import * as compare from './compare.operation';
import * as handHeldId from './handHeldId.operation';
import type { FaceMatchRun } from './judge';

const operations = { compare, handHeldId };

/** Runs the chosen operation on every item; one client scope for the run. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const runOptions = readRunOptions(this);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const privacy = readPrivacyOptions(this);
	const threshold =
		options.similarityThreshold === undefined || options.similarityThreshold === '' ? undefined : Number(options.similarityThreshold);
	const run: FaceMatchRun = { threshold, keepImage: privacy.keepImage, includeRaw: privacy.includeRaw };
	const scope = await runScope(this, ['aisolution'], runOptions);
	const version = this.getNode().typeVersion;
	return await runItems(this, {
		branches: version >= 2 ? FACE_BRANCH.failed : FACE_BRANCHES.length,
		failedBranch: version >= 2 ? null : FACE_BRANCH.failed,
		concurrency: runOptions.concurrency,
		route: async (itemIndex) => {
			const operation = this.getNodeParameter('operation', itemIndex) as keyof typeof operations;
			const chosen = operations[operation];
			if (!chosen) throw new Error(`Unknown operation "${operation}"`);
			return await chosen.execute.call(this, scope, run, itemIndex);
		},
	});
}
