/**
 * India Aadhaar, front (card or e-Aadhaar letter). The Aadhaar number is both the document and the personal
 * number. Aadhaar never expires (expiryType NONE); some cards print only the year of birth.
 */
import { aadhaar, aadhaarVid } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument, extraDate } from '../document';
import { readText } from '../fields';
import { parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'inAadhaarFront';

export const extras: readonly ExtraField[] = [
	{ name: 'vid', description: 'Aadhaar Virtual ID (16 digits), when the letter prints one', type: 'string' },
	{ name: 'mobileNumber', description: 'Mobile number as printed on an e-Aadhaar letter', type: 'string' },
	{ name: 'downloadDate', description: 'Date the e-Aadhaar was downloaded (ISO)', type: 'string' },
	{ name: 'aadhaarMasked', description: 'true when only the last 4 digits of the Aadhaar number are printed', type: 'boolean' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'CardNumber'), aadhaar.validate);
	const vid = validated(readText(data, 'VID'), aadhaarVid.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = readText(data, 'Name');
	doc.sex = parseSex(readText(data, 'Gender')).sex;
	doc.extras.vid = vid?.value ?? null;
	doc.extras.mobileNumber = readText(data, 'MobileNumber');
	doc.extras.aadhaarMasked = number ? number.masked === true : null;
	const report = applyDates(
		doc,
		{ dateOfBirth: [{ value: readText(data, 'DateOfBirth') }], dateOfIssue: [{ value: readText(data, 'IssueDate') }] },
		ctx,
		false,
	);
	doc.extras.downloadDate = extraDate(report, 'downloadDate', readText(data, 'DownloadDate'), 'issue', ctx);
	return {
		document: doc,
		checks: {
			...idChecks('personalNumberFormat', 'personalNumberChecksum', number, 'Aadhaar number'),
			...(vid ? idChecks('vidFormat', 'vidChecksum', vid, 'VID') : {}),
			...standardChecks(doc, report, ctx),
		},
	};
}
