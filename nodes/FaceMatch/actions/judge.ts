import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { faceMatchResult, getOperation, judgeBySimilarity } from '../../../core';
import { rejectedInput } from '../../../core/client/response';
import type { CallResult, Problem } from '../../../core/outcome';
import { callFields, problemFields } from '../../shared/result';
import { callError, type Routed } from '../../shared/routing';
import { FACE_BRANCH } from './branches';

/** What every Face Match operation shares in a run. */
export interface FaceMatchRun {
	/** The workflow's own similarity threshold, when it set one. */
	threshold: number | undefined;
	keepImage: boolean;
	includeRaw: boolean;
}

/**
 * Same person / Not same person / Not sure, by the vendor's judgment or the workflow's own threshold (the core
 * decides both). An input the vendor cannot judge is a failure of this node: it has no "Rejected input" output.
 */
export function routeFaceMatch(
	context: IExecuteFunctions,
	run: FaceMatchRun,
	itemIndex: number,
	result: CallResult,
	sources: Record<string, string>,
): Routed {
	const binary = run.keepImage ? context.getInputData()[itemIndex].binary : undefined;
	const json: IDataObject = {
		...callFields(result),
		...problemFields(result.problem, itemIndex, sources),
		...(run.includeRaw ? { raw: (result.data ?? null) as IDataObject } : {}),
	};
	const byVendor = result.outcome === 'failed' || result.outcome === 'rejectedInput' ? null : faceMatchResult(result);
	if (!byVendor)
		return withBinary({ failure: callError(context, result, itemIndex, getOperation(result.operationId).title), json }, binary);
	const match = run.threshold === undefined ? byVendor : judgeBySimilarity(byVendor, run.threshold);
	const note =
		run.threshold !== undefined && match.judgedBy === 'vendor'
			? { note: 'The vendor gave no similarity score, so its own judgment was kept' }
			: {};
	const judgment: IDataObject = {
		verdict: match.label,
		similarity: match.similarity,
		vendorVerdict: byVendor.label,
		judgedBy: match.judgedBy,
		...(match.threshold !== null ? { threshold: match.threshold } : {}),
		...note,
	};
	return withBinary({ branch: FACE_BRANCH[match.verdict], json: { ...json, ...judgment } }, binary);
}

/** An image that is missing or unreadable before any call: nothing was sent, nothing charged. */
export function routeLocalProblem(
	context: IExecuteFunctions,
	run: FaceMatchRun,
	itemIndex: number,
	operationId: string,
	problem: Problem,
): Routed {
	return routeFaceMatch(context, run, itemIndex, rejectedInput(getOperation(operationId), problem), {});
}

function withBinary(routed: Routed, binary: IBinaryKeyData | undefined): Routed {
	return binary ? { ...routed, binary } : routed;
}
