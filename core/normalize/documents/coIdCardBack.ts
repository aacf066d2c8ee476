/** Colombia cédula, back: dates (`17-ENE-1987`), sex, blood type and height. The cédula does not expire. */
import { applyDates, blankDocument } from '../document';
import { heightInCm, readText } from '../fields';
import { parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks } from './common';

export const operationId = 'coIdCardBack';

export const extras: readonly ExtraField[] = [
	{ name: 'bloodType', description: 'Blood group and Rh factor (G.S. RH), e.g. A+', type: 'string' },
	{ name: 'height', description: 'Height (ESTATURA) as printed, in metres, e.g. 1.72', type: 'string' },
	{ name: 'heightCm', description: 'Height in centimetres, when the printed value is one', type: 'number' },
	{ name: 'placeOfIssue', description: 'Place of issue (LUGAR DE EXPEDICIÓN)', type: 'string' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	doc.sex = parseSex(readText(data, 'Gender')).sex;
	doc.placeOfBirth = readText(data, 'PlaceOfBirth');
	doc.extras.bloodType = readText(data, 'BloodType');
	doc.extras.height = readText(data, 'Height');
	doc.extras.heightCm = heightInCm(readText(data, 'Height'));
	doc.extras.placeOfIssue = readText(data, 'PlaceOfIssue');
	const report = applyDates(doc, { dateOfBirth: [{ value: readText(data, 'DateOfBirth') }], dateOfIssue: [{ value: readText(data, 'DateOfIssue') }] }, ctx, false);
	return { document: doc, checks: standardChecks(doc, report, ctx) };
}
