/**
 * Norway national ID card. The vendor's answer has no fødselsnummer field, so only the (leniently checked)
 * document number is validated; core/validate/ids/norwayFnr is there for when it does.
 */
import { norwayIdDocument } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { heightInCm, readText } from '../fields';
import { joinNames } from '../names';
import { parseNationality } from '../nationality';
import { parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'noIdCard';

export const extras: readonly ExtraField[] = [
	{ name: 'height', description: 'Height as printed, e.g. 179CM', type: 'string' },
	{ name: 'heightCm', description: 'Height in centimetres, when the printed value is one', type: 'number' },
	{ name: 'canNumber', description: 'Card access number (CAN) for the chip', type: 'string' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'DocumentNo'), norwayIdDocument.validate);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = readText(data, 'GivenNames');
	doc.lastName = readText(data, 'Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(readText(data, 'Sex')).sex;
	doc.nationality = parseNationality(readText(data, 'Nationality')).alpha3;
	doc.extras.height = readText(data, 'Height');
	doc.extras.heightCm = heightInCm(readText(data, 'Height'));
	doc.extras.canNumber = readText(data, 'CanNo');
	const report = applyDates(doc, { dateOfBirth: [{ value: readText(data, 'DateOfBirth') }], dateOfExpiry: [{ value: readText(data, 'DateOfExpiry') }] }, ctx);
	return {
		document: doc,
		checks: { ...idChecks('documentNumberFormat', null, number, 'document number'), ...standardChecks(doc, report, ctx) },
	};
}
