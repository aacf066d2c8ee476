import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { getOperation } from '../../core/catalog';
import { credentialTest } from '../shared/credentialProbe';
import { failuresNotice, optionsCollection, privacyOptionFields } from '../shared/options';
import * as compare from './actions/compare.operation';
import * as handHeldId from './actions/handHeldId.operation';
import { faceMatchOutputs } from './actions/branches';
import { router } from './actions/router';

/** Compares two faces, or a person holding their ID card with the card's photo. */
export class FaceMatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Face Match',
		name: 'faceMatch',
		icon: { light: 'file:faceMatch.svg', dark: 'file:faceMatch.dark.svg' },
		group: ['transform'],
		// 2: no Failed output (failures follow the node's On Error setting).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] === "handHeldId" ? "Hand-held ID check" : "Compare two faces"}}',
		description: 'Compare two faces, or check that a person holds their own ID card',
		defaults: { name: 'Face Match' },
		// Not an AI tool: it reads images from binary data, which tools cannot pass.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: faceMatchOutputs,
		credentials: [{ name: 'aiSolutionApi', required: true, testedBy: 'aiSolutionApiTest' }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Compare Two Faces',
						value: 'compare',
						action: 'Compare two faces',
						description: getOperation('faceCompare').description,
					},
					{
						name: 'Hand-Held ID Check',
						value: 'handHeldId',
						action: 'Check a hand held ID',
						description: getOperation('idHolding').description,
					},
				],
				default: 'compare',
			},
			...compare.description,
			...handHeldId.description,
			failuresNotice,
			optionsCollection([
				{
					...privacyOptionFields.keepImage,
					description: 'Whether to pass the input images on with the result. Off: they are dropped after the call.',
				},
				privacyOptionFields.includeRaw,
				{
					displayName: 'Own Similarity Threshold',
					name: 'similarityThreshold',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 1 },
					default: 80,
					description:
						"Judge by the similarity score (0–100) instead of the vendor's judgment: at or above it is Same person, below it Not same person. The item says which was used.",
				},
			]),
		],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
