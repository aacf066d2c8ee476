/** Netherlands identity card: bilingual dates (`10 MAA/MAR 1965`) and sex (`V/F`). */
import { dutchDocument } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import { joinNames } from '../names';
import { parseNationality } from '../nationality';
import { parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'nlIdCard';

export const extras: readonly ExtraField[] = [];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'DocumentNo'), dutchDocument.validate);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = readText(data, 'GivenNames');
	doc.lastName = readText(data, 'Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(readText(data, 'Gender')).sex;
	doc.nationality = parseNationality(readText(data, 'Nationality')).alpha3;
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
		checks: { ...idChecks('documentNumberFormat', null, number, 'document number'), ...standardChecks(doc, report, ctx) },
	};
}
