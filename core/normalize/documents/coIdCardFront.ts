/** Colombia cédula, front: number and names only (the date of birth is on the back). The cédula does not expire. */
import { colombiaCedula } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import { joinNames } from '../names';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'coIdCardFront';

export const extras: readonly ExtraField[] = [];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'CardNumber'), colombiaCedula.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.firstName = readText(data, 'GivenNames');
	doc.lastName = readText(data, 'Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	const report = applyDates(doc, {}, ctx, false);
	return {
		document: doc,
		checks: {
			...idChecks('personalNumberFormat', null, number, 'cédula number'),
			...standardChecks(doc, report, ctx, 'the front of a cédula shows no date of birth: read the back'),
		},
	};
}
