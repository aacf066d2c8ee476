import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { DEFAULT_MINIMUM_AGE } from '../../../core';
import { rejectedInput } from '../../../core/client/response';
import type { Operation } from '../../../core/catalog/types';
import { needsReview, type Checks } from '../../../core/normalize/types';
import type { CallResult } from '../../../core/outcome';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import { optionsCollection, privacyOptionFields, readPrivacyOptions, readRunOptions } from '../../shared/options';
import { maskNumbers, personalNumbersOf } from '../../shared/privacy';
import { callFields, pickFields, problemFields, problemOf } from '../../shared/result';
import { callError, type Routed } from '../../shared/routing';
import { runScope } from '../../shared/client';
import {
	anyCountryDocumentProperty,
	anyCountryProviderProperty,
	countryProperties,
	documentProperties,
	extraInputProperties,
	extraInputValue,
	extraInputs,
	outputFieldProperties,
	parameterName,
	providerProperties,
} from '../descriptions';
import { imageInputOf, resolveOperation } from '../documents';
import { OCR_BRANCH, type OcrRun } from './branches';

const image = imageParameterNames();
const showRead = { show: { operation: ['read'] } };
const onRead = (property: INodeProperties): INodeProperties => ({
	...property,
	displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, ...showRead.show } },
});

export const minimumAgeField: INodeProperties = {
	displayName: 'Minimum Age',
	name: 'minimumAge',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MINIMUM_AGE,
	description: 'The age the holder must have reached for the "ageOver" check to pass',
};

/** Country and Document serve both operations; the rest is the read's own. */
export const documentChoice: INodeProperties[] = [...countryProperties, ...documentProperties, anyCountryDocumentProperty];

export const description: INodeProperties[] = [
	...providerProperties,
	anyCountryProviderProperty,
	...imageProperties('Image', image, { binaryProperty: 'data' }, showRead),
	...extraInputProperties,
	...outputFieldProperties,
].map(onRead);

export const readOptions = optionsCollection(
	[privacyOptionFields.keepImage, privacyOptionFields.includeRaw, privacyOptionFields.personalNumbers, minimumAgeField],
	showRead,
);

/** Plans every item's operation (parameters may be expressions), so only the needed credentials are read. */
export async function prepare(this: IExecuteFunctions): Promise<OcrRun> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const runOptions = readRunOptions(this);
	const plans = items.map((_item, itemIndex): { op: Operation } | { error: Error } => {
		try {
			const country = this.getNodeParameter('country', itemIndex, '') as string;
			const document = this.getNodeParameter('document', itemIndex, '') as string;
			const provider = this.getNodeParameter('provider', itemIndex, '') as string;
			return { op: resolveOperation(country, document, provider || undefined) };
		} catch (error) {
			return { error: error as Error };
		}
	});
	const vendors = plans.flatMap((plan) => ('op' in plan ? [plan.op.vendor] : []));
	const minimumAge = Number(options.minimumAge ?? DEFAULT_MINIMUM_AGE);
	const scope = vendors.length ? await runScope(this, vendors, runOptions, { minimumAge }) : null;
	return { runOptions, privacy: readPrivacyOptions(this), minimumAge, plans, scope };
}

/** Reads one item's document and routes it by the outcome. */
export async function execute(this: IExecuteFunctions, run: OcrRun, itemIndex: number): Promise<Routed> {
	const plan = run.plans[itemIndex];
	if ('error' in plan) throw new NodeOperationError(this.getNode(), plan.error.message, { itemIndex });
	const op = plan.op;
	const binary = run.privacy.keepImage ? this.getInputData()[itemIndex].binary : undefined;
	const imageInput = imageInputOf(op);
	const read = await readImage(this, itemIndex, image, imageInput);
	if ('problem' in read) {
		const result = rejectedInput(op, read.problem);
		return { branch: OCR_BRANCH.rejectedInput, json: { ...callFields(result), ...problemFields(result.problem, itemIndex) }, binary };
	}
	const input: Record<string, unknown> = { [imageInput]: read.image };
	for (const spec of extraInputs(op))
		input[spec.name] = extraInputValue(spec, this.getNodeParameter(parameterName(spec), itemIndex, undefined));
	const result = await run.scope!.call(op.id, input);

	const outputFields = this.getNodeParameter('outputFields', itemIndex, []) as string[];
	const json = outputJson(result, run, itemIndex, outputFields, { [imageInput]: read.source });
	switch (result.outcome) {
		case 'success':
			return { branch: needsReview(result.checks) ? OCR_BRANCH.needsReview : OCR_BRANCH.recognized, json, binary };
		case 'negative':
			return { branch: OCR_BRANCH.notRecognized, json, binary };
		case 'rejectedInput':
			return { branch: OCR_BRANCH.rejectedInput, json, binary };
		default:
			return { failure: callError(this, result, itemIndex, op.title), json, binary };
	}
}

/** What an item says about its read, with the privacy options applied after every check ran on the full values. */
function outputJson(
	result: CallResult,
	run: OcrRun,
	itemIndex: number,
	outputFields: string[],
	sources: Record<string, string>,
): IDataObject {
	const review = result.outcome === 'success' && needsReview(result.checks);
	const json: IDataObject = {
		...callFields(result),
		...(review ? { verdict: 'Needs review', reviewReasons: failedChecks(result.checks) } : {}),
		document: (result.document ?? null) as unknown as IDataObject,
		checks: (result.checks ?? null) as unknown as IDataObject,
		...(run.privacy.includeRaw ? { raw: pickFields(result.data ?? null, outputFields) as IDataObject } : {}),
		...problemFields(problemOf(result), itemIndex, sources),
	};
	return run.privacy.maskPersonalNumbers ? maskNumbers(json, personalNumbersOf(result.operationId, result.document)) : json;
}

/** The checks that failed, each with its reason: what a reviewer looks at first. */
export function failedChecks(checks: Checks | undefined): IDataObject[] {
	return Object.entries(checks ?? {})
		.filter(([, check]) => check?.result === false)
		.map(([name, check]) => ({ check: name, reason: check?.reason ?? '' }));
}
export { OCR_BRANCHES } from './branches';
