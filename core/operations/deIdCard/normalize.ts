/** Germany ID card (Personalausweis), front: no sex field on the card, so sex stays null (not X). */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { germanIdCard } from '../../validate';
import type { deIdCard } from './entry';

const ID_CARD_NUMBER = identifier('documentNumber', 'ID-card number', germanIdCard, false);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [ID_CARD_NUMBER];

type Key = FieldKey<typeof deIdCard>;

export const extras = extraFields<never>([]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(ID_CARD_NUMBER, answer.text('CardNumber'), ctx.now);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.placeOfBirth = answer.text('PlaceOfBirth');
	doc.nationality = parseNationality(answer.text('Nationality')).alpha3;
	const report = applyDates(
		doc,
		{ dateOfBirth: [{ value: answer.text('DateOfBirth') }], dateOfExpiry: [{ value: answer.text('DateOfExpiry') }] },
		ctx,
	);
	return {
		document: doc,
		checks: { ...identifierChecks(ID_CARD_NUMBER, number), ...standardChecks(doc, report, ctx) },
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
