import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DEFAULT_MINIMUM_AGE, needsReview, recheckDocument, type ReviewedFields } from '../../../core';
import { maskNumbers, personalNumbersOf } from '../../shared/privacy';
import type { Routed } from '../../shared/routing';
import { resolveOperation } from '../documents';
import { OCR_BRANCH } from './branches';
import { failedChecks, minimumAgeField } from './read.operation';

const show = { show: { operation: ['validateFields'] } };

/** The canonical fields a reviewer corrects (or types from a paper form), in the document's own words. */
const FIELDS = [
	['documentNumber', 'Document Number', 'The number of the document'],
	['personalNumber', 'Personal Number', 'The national identity number printed on it (NIK, CURP, fødselsnummer …)'],
	['firstName', 'First Name', 'Given names'],
	['lastName', 'Last Name', 'Surname'],
	['dateOfBirth', 'Date of Birth', 'As printed or as YYYY-MM-DD'],
	['dateOfIssue', 'Date of Issue', 'As printed or as YYYY-MM-DD'],
	['dateOfExpiry', 'Date of Expiry', 'As printed or as YYYY-MM-DD'],
	['sex', 'Sex', 'M, F or X (words such as "female" are read too)'],
	['nationality', 'Nationality', 'A country code or name (DEU, Germany, DEUTSCH …)'],
] as const;

type FieldName = keyof ReviewedFields & (typeof FIELDS)[number][0];
const FIELD_NAMES = FIELDS.map(([name]) => name);

export const description: INodeProperties[] = [
	...FIELDS.map(
		([name, displayName, description]): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: '',
			description,
			displayOptions: show,
		}),
	),
	{
		displayName: 'Options',
		name: 'validateOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			minimumAgeField,
			{
				displayName: 'Personal Numbers in the Output',
				name: 'personalNumbers',
				type: 'options',
				options: [
					{ name: 'Default (Full; Masked When Used as an AI Tool)', value: 'default' },
					{ name: 'Full', value: 'full' },
					{ name: 'Masked to the Last Four Characters', value: 'masked' },
				],
				default: 'default',
				description: 'How document and personal numbers appear in the output. Checks always run on the full number.',
			},
		],
	},
];

/**
 * Free and offline: the core normalizes the fields as a read would and recomputes the checks on them (ID numbers'
 * format and check digit, expiry, age, dates), routed Recognized / Needs review like a read.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<Routed> {
	const country = this.getNodeParameter('country', itemIndex, '') as string;
	const documentKey = this.getNodeParameter('document', itemIndex, '') as string;
	let operationId: string;
	try {
		operationId = resolveOperation(country, documentKey, undefined).id;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	const text = (name: FieldName) => {
		const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
		return value === '' ? null : value;
	};
	const options = this.getNodeParameter('validateOptions', itemIndex, {}) as IDataObject;
	const fields = Object.fromEntries(FIELD_NAMES.map((name) => [name, text(name)]));
	const { document: doc, checks } = recheckDocument(operationId, fields, { minimumAge: Number(options.minimumAge ?? DEFAULT_MINIMUM_AGE) });
	const review = needsReview(checks);

	const json: IDataObject = {
		verdict: review ? 'Needs review' : 'Recognized',
		outcome: 'success',
		status: null,
		charged: false,
		operation: 'validateFields',
		document: doc as unknown as IDataObject,
		checks: checks as unknown as IDataObject,
		...(review ? { reviewReasons: failedChecks(checks) } : {}),
	};
	const asTool = this.getNode().type.endsWith('Tool');
	const mask = options.personalNumbers === 'masked' || ((options.personalNumbers ?? 'default') === 'default' && asTool);
	return {
		branch: review ? OCR_BRANCH.needsReview : OCR_BRANCH.recognized,
		json: mask ? maskNumbers(json, personalNumbersOf(operationId, doc)) : json,
	};
}
