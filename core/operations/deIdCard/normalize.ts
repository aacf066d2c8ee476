/** Germany ID card (Personalausweis), front: no sex field on the card, so sex stays null (not X). */
import type { FieldKey } from '../../catalog/types';
import { idChecks } from '../../normalize/checks';
import { standardChecks, validated } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { germanIdCard } from '../../validate';
import type { deIdCard } from './entry';

type Key = FieldKey<typeof deIdCard>;

export const extras = extraFields<never>([]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = validated(answer.text('CardNumber'), germanIdCard.validate);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.placeOfBirth = answer.text('PlaceOfBirth');
	doc.nationality = parseNationality(answer.text('Nationality')).alpha3;
	const report = applyDates(doc, { dateOfBirth: [{ value: answer.text('DateOfBirth') }], dateOfExpiry: [{ value: answer.text('DateOfExpiry') }] }, ctx);
	return {
		document: doc,
		checks: { ...idChecks('documentNumberFormat', null, number, 'ID-card number'), ...standardChecks(doc, report, ctx) },
	};
}

export const normalizer: OperationNormalizer = { extras, normalize };
