import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../core/catalog/types';
import { needsReview, type Checks } from '../../../core/normalize/types';
import { imageParameterNames, imageProperties, readImage } from '../../shared/images';
import { readRunOptions, runOptionFields } from '../../shared/options';
import { callFields, pickFields, problemFields } from '../../shared/result';
import { callError, runItems, type Routed } from '../../shared/routing';
import { runScope } from '../../shared/client';
import {
	countryProperty,
	documentProperties,
	extraInputProperties,
	extraInputValue,
	extraInputs,
	outputFieldProperties,
	parameterName,
	providerProperties,
} from '../descriptions';
import { imageInputOf, resolveOperation } from '../documents';

/** The node's outputs, in order. */
export const OCR_BRANCHES = ['Recognized', 'Needs review', 'Not recognized', 'Rejected input', 'Failed'] as const;
const [RECOGNIZED, NEEDS_REVIEW, NOT_RECOGNIZED, REJECTED, FAILED] = [0, 1, 2, 3, 4];

const image = imageParameterNames();

export const description: INodeProperties[] = [
	countryProperty,
	...documentProperties,
	...providerProperties,
	...imageProperties('Image', image, { binaryProperty: 'data' }),
	...extraInputProperties,
	...outputFieldProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			...runOptionFields,
			{
				displayName: 'Include Input Binary',
				name: 'includeInputBinary',
				type: 'boolean',
				default: true,
				description: 'Whether to pass the input file on with the result, e.g. to attach it to a review task',
			},
			{
				displayName: 'Minimum Age',
				name: 'minimumAge',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 18,
				description: 'The age the holder must have reached for the "ageOver" check to pass',
			},
		],
	},
];

/** Reads every item's document and routes it by the outcome. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const runOptions = readRunOptions(this);
	const includeBinary = options.includeInputBinary !== false;

	// Which operation each item asks for (parameters may be expressions), so only the needed credentials are read.
	const plans = items.map((_item, itemIndex): { op: Operation } | { error: Error } => {
		try {
			const country = this.getNodeParameter('country', itemIndex) as string;
			const document = this.getNodeParameter('document', itemIndex) as string;
			const provider = this.getNodeParameter('provider', itemIndex, '') as string;
			return { op: resolveOperation(country, document, provider || undefined) };
		} catch (error) {
			return { error: error as Error };
		}
	});
	const vendors = plans.flatMap((plan) => ('op' in plan ? [plan.op.vendor] : []));
	const minimumAge = Number(options.minimumAge ?? 18);
	const scope = await runScope(this, vendors, runOptions, { minimumAge });

	return await runItems(this, {
		branches: OCR_BRANCHES.length,
		failedBranch: FAILED,
		concurrency: runOptions.concurrency,
		route: async (itemIndex): Promise<Routed> => {
			const plan = plans[itemIndex];
			if ('error' in plan) throw new NodeOperationError(this.getNode(), plan.error.message, { itemIndex });
			const op = plan.op;
			const binary = includeBinary ? items[itemIndex].binary : undefined;
			const imageInput = imageInputOf(op);
			const read = await readImage(this, itemIndex, image, imageInput);
			if ('problem' in read) {
				return {
					branch: REJECTED,
					json: { verdict: 'Rejected input', outcome: 'rejectedInput', status: null, charged: false, reused: false, requestId: null, operation: op.id, vendor: op.vendor, ...problemFields(read.problem, itemIndex) },
					binary,
				};
			}
			const input: Record<string, unknown> = { [imageInput]: read.image };
			for (const spec of extraInputs(op)) input[spec.name] = extraInputValue(spec, this.getNodeParameter(parameterName(spec), itemIndex, undefined));
			const result = await scope.call(op.id, input);

			const outputFields = this.getNodeParameter('outputFields', itemIndex, []) as string[];
			const review = result.outcome === 'success' && needsReview(result.checks);
			const json: IDataObject = {
				...callFields(result),
				...(review ? { verdict: 'Needs review', reviewReasons: failedChecks(result.checks) } : {}),
				document: (result.document ?? null) as unknown as IDataObject,
				checks: (result.checks ?? null) as unknown as IDataObject,
				raw: pickFields(result.data ?? null, outputFields) as IDataObject,
				...problemFields(result.problem, itemIndex, { [imageInput]: read.source }),
			};
			switch (result.outcome) {
				case 'success':
					return { branch: review ? NEEDS_REVIEW : RECOGNIZED, json, binary };
				case 'negative':
					return { branch: NOT_RECOGNIZED, json, binary };
				case 'rejectedInput':
					return { branch: REJECTED, json, binary };
				default:
					return { failure: callError(this, result, itemIndex, op.title), json, binary };
			}
		},
	});
}

/** The checks that failed, each with its reason: what a reviewer looks at first. */
function failedChecks(checks: Checks | undefined): IDataObject[] {
	return Object.entries(checks ?? {})
		.filter(([, check]) => check?.result === false)
		.map(([name, check]) => ({ check: name, reason: check?.reason ?? '' }));
}
