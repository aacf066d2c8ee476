/**
 * India PAN card. The PAN's check letter is not public: format only. For an individual (holder type P) the
 * fifth character is the initial of the surname, compared with the last word of the printed name. PAN
 * cards do not expire.
 */
import { pan } from '../../validate';
import { consistencyCheck, idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import type { Checks } from '../types';
import { standardChecks, validated } from './common';

export const operationId = 'inPan';

export const extras: readonly ExtraField[] = [
	{ name: 'fatherName', description: "Father's name as printed under the holder's name", type: 'string' },
	{ name: 'holderType', description: 'PAN holder type from the 4th character, e.g. "P: individual"', type: 'string' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'CardNumber'), pan.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = readText(data, 'Name');
	doc.extras.fatherName = readText(data, 'FatherName');
	doc.extras.holderType = number?.derived?.holderType ?? null;
	const report = applyDates(doc, { dateOfBirth: [{ value: readText(data, 'DateOfBirth') }] }, ctx, false);
	const checks: Checks = idChecks('personalNumberFormat', null, number, 'PAN');
	if (number?.valid && number.value[3] === 'P') {
		const surname = doc.fullName?.split(' ').pop() ?? null;
		const initial = surname ? surname[0].toUpperCase() : null;
		checks.consistency = consistencyCheck([
			{ what: 'PAN 5th character vs initial of the surname (last word of the name)', agree: initial ? initial === number.value[4] : null },
		]);
	}
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx) } };
}
