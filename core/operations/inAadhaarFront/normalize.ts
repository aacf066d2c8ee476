/**
 * India Aadhaar, front (card or e-Aadhaar letter). The Aadhaar number is both the document and the personal
 * number. Aadhaar never expires (expiryType NONE); some cards print only the year of birth.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { idChecks } from '../../normalize/checks';
import { standardChecks, validated } from '../../normalize/common';
import { applyDates, emptyDocument, extraDate, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { parseSex } from '../../normalize/sex';
import { aadhaar, aadhaarVid } from '../../validate';
import type { inAadhaarFront } from './entry';

const AADHAAR_NUMBER = identifier('personalNumber', 'Aadhaar number', aadhaar, true);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [AADHAAR_NUMBER];

type Key = FieldKey<typeof inAadhaarFront>;

export const extras = extraFields([
	{ name: 'vid', description: 'Aadhaar Virtual ID (16 digits), when the letter prints one', type: 'string', personal: true },
	{ name: 'mobileNumber', description: 'Mobile number as printed on an e-Aadhaar letter', type: 'string', personal: true },
	{ name: 'downloadDate', description: 'Date the e-Aadhaar was downloaded (ISO)', type: 'string' },
	{ name: 'aadhaarMasked', description: 'true when only the last 4 digits of the Aadhaar number are printed', type: 'boolean' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(AADHAAR_NUMBER, answer.text('CardNumber'), ctx.now);
	const vid = validated(answer.text('VID'), aadhaarVid.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = answer.text('Name');
	doc.sex = parseSex(answer.text('Gender')).sex;
	doc.extras.vid = vid?.value ?? null;
	doc.extras.mobileNumber = answer.text('MobileNumber');
	doc.extras.aadhaarMasked = number ? number.masked === true : null;
	const report = applyDates(
		doc,
		{ dateOfBirth: [{ value: answer.text('DateOfBirth') }], dateOfIssue: [{ value: answer.text('IssueDate') }] },
		ctx,
		false,
	);
	doc.extras.downloadDate = extraDate(report, 'downloadDate', answer.text('DownloadDate'), 'issue', ctx);
	return {
		document: doc,
		checks: {
			...identifierChecks(AADHAAR_NUMBER, number),
			...(vid ? idChecks('vidFormat', 'vidChecksum', vid, 'VID') : {}),
			...standardChecks(doc, report, ctx),
		},
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
