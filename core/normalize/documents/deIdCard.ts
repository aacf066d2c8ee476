/** Germany ID card (Personalausweis), front: no sex field on the card, so sex stays null (not X). */
import { germanIdCard } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import { joinNames } from '../names';
import { parseNationality } from '../nationality';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'deIdCard';

export const extras: readonly ExtraField[] = [];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'CardNumber'), germanIdCard.validate);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = readText(data, 'GivenNames');
	doc.lastName = readText(data, 'Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.placeOfBirth = readText(data, 'PlaceOfBirth');
	doc.nationality = parseNationality(readText(data, 'Nationality')).alpha3;
	const report = applyDates(doc, { dateOfBirth: [{ value: readText(data, 'DateOfBirth') }], dateOfExpiry: [{ value: readText(data, 'DateOfExpiry') }] }, ctx);
	return {
		document: doc,
		checks: { ...idChecks('documentNumberFormat', null, number, 'ID-card number'), ...standardChecks(doc, report, ctx) },
	};
}
