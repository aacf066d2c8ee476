import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DEFAULT_MINIMUM_AGE, blankDocument, documentNormalizer, needsReview, parseNationality, parseSex, type CanonicalDocument } from '../../../core';
import { standardChecks } from '../../../core/normalize/common';
import { applyDates } from '../../../core/normalize/document';
import { joinNames } from '../../../core/normalize/names';
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

type FieldName = (typeof FIELDS)[number][0];

export const description: INodeProperties[] = [
	...FIELDS.map(
		([name, displayName, description]): INodeProperties => ({ displayName, name, type: 'string', default: '', description, displayOptions: show }),
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
 * Free and offline: normalizes the fields as a read would and recomputes the checks on them, routed Recognized /
 * Needs review like a read. Dates, expiry, age and their plausibility are checked by the core; names, sex and
 * nationality are normalized by it.
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
	const ctx = { now: new Date(), minimumAge: Number(options.minimumAge ?? DEFAULT_MINIMUM_AGE) };

	const doc: CanonicalDocument = blankDocument(operationId, documentNormalizer(operationId).extras);
	doc.documentNumber = text('documentNumber');
	doc.personalNumber = text('personalNumber');
	doc.firstName = text('firstName');
	doc.lastName = text('lastName');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(text('sex')).sex;
	doc.nationality = parseNationality(text('nationality')).alpha3 ?? text('nationality');
	const dates = { dateOfBirth: [{ value: text('dateOfBirth') }], dateOfIssue: [{ value: text('dateOfIssue') }], dateOfExpiry: [{ value: text('dateOfExpiry') }] };
	const report = applyDates(doc, dates, ctx, text('dateOfExpiry') !== null);
	const checks = standardChecks(doc, report, ctx);
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
		// What is not rechecked here yet: the number's own format and check digit (the read checked them).
		notRechecked: ['documentNumber format and check digit', 'personalNumber format and check digit'],
	};
	const asTool = this.getNode().type.endsWith('Tool');
	const mask = options.personalNumbers === 'masked' || ((options.personalNumbers ?? 'default') === 'default' && asTool);
	return { branch: review ? OCR_BRANCH.needsReview : OCR_BRANCH.recognized, json: mask ? maskNumbers(json, personalNumbersOf(doc)) : json };
}
