/**
 * Germany card driving licence. The sample answer names the number `CardId` and the field table `CardNumber`:
 * both are read. The sample's `Address` holds the issuing authority (field 4c), so it goes to extras.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { germanLicence } from '../../validate';
import type { deDrivingLicence } from './entry';

const LICENCE_NUMBER = identifier('documentNumber', 'licence number', germanLicence, true);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [LICENCE_NUMBER];

type Key = FieldKey<typeof deDrivingLicence>;

export const extras = extraFields([
	{ name: 'licenceClasses', description: 'Licence classes as printed (field 9), e.g. AM/B/L', type: 'string' },
	{ name: 'issuingAuthority', description: 'Issuing authority (field 4c); the vendor returns it as Address', type: 'string' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(LICENCE_NUMBER, answer.first('CardId', 'CardNumber'), ctx.now);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.placeOfBirth = answer.text('PlaceOfBirth');
	doc.nationality = parseNationality(answer.text('Nationality')).alpha3;
	doc.extras.licenceClasses = answer.text('Class');
	doc.extras.issuingAuthority = answer.text('Address');
	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: answer.text('DateOfBirth') }],
			dateOfIssue: [{ value: answer.text('DateOfIssue') }],
			dateOfExpiry: [{ value: answer.text('DateOfExpiry') }],
		},
		ctx,
	);
	return {
		document: doc,
		checks: {
			...identifierChecks(LICENCE_NUMBER, number),
			...standardChecks(doc, report, ctx),
		},
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
