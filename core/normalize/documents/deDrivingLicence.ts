/**
 * Germany card driving licence. The sample answer names the number `CardId` and the field table `CardNumber`:
 * both are read. The sample's `Address` holds the issuing authority (field 4c), so it goes to extras.
 */
import { germanLicence } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readFirst, readText } from '../fields';
import { joinNames } from '../names';
import { parseNationality } from '../nationality';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'deDrivingLicence';

export const extras: readonly ExtraField[] = [
	{ name: 'licenceClasses', description: 'Licence classes as printed (field 9), e.g. AM/B/L', type: 'string' },
	{ name: 'issuingAuthority', description: 'Issuing authority (field 4c); the vendor returns it as Address', type: 'string' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readFirst(data, 'CardId', 'CardNumber'), germanLicence.validate);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = readText(data, 'GivenNames');
	doc.lastName = readText(data, 'Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.placeOfBirth = readText(data, 'PlaceOfBirth');
	doc.nationality = parseNationality(readText(data, 'Nationality')).alpha3;
	doc.extras.licenceClasses = readText(data, 'Class');
	doc.extras.issuingAuthority = readText(data, 'Address');
	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: readText(data, 'DateOfBirth') }],
			dateOfIssue: [{ value: readText(data, 'DateOfIssue') }],
			dateOfExpiry: [{ value: readText(data, 'DateOfExpiry') }],
		},
		ctx,
	);
	return {
		document: doc,
		checks: {
			...idChecks('documentNumberFormat', 'documentNumberChecksum', number, 'licence number'),
			...standardChecks(doc, report, ctx),
		},
	};
}
