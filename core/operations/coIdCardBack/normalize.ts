/** Colombia cédula, back: dates (`17-ENE-1987`), sex, blood type and height. The cédula does not expire. */
import type { FieldKey } from '../../catalog/types';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { heightInCm, readAnswer } from '../../normalize/fields';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { parseSex } from '../../normalize/sex';
import type { coIdCardBack } from './entry';

type Key = FieldKey<typeof coIdCardBack>;

export const extras = extraFields([
	{ name: 'bloodType', description: 'Blood group and Rh factor (G.S. RH), e.g. A+', type: 'string' },
	{ name: 'height', description: 'Height (ESTATURA) as printed, in metres, e.g. 1.72', type: 'string' },
	{ name: 'heightCm', description: 'Height in centimetres, when the printed value is one', type: 'number' },
	{ name: 'placeOfIssue', description: 'Place of issue (LUGAR DE EXPEDICIÓN)', type: 'string' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	doc.sex = parseSex(answer.text('Gender')).sex;
	doc.placeOfBirth = answer.text('PlaceOfBirth');
	doc.extras.bloodType = answer.text('BloodType');
	doc.extras.height = answer.text('Height');
	doc.extras.heightCm = heightInCm(answer.text('Height'));
	doc.extras.placeOfIssue = answer.text('PlaceOfIssue');
	const report = applyDates(
		doc,
		{ dateOfBirth: [{ value: answer.text('DateOfBirth') }], dateOfIssue: [{ value: answer.text('DateOfIssue') }] },
		ctx,
		false,
	);
	return { document: doc, checks: standardChecks(doc, report, ctx) };
}

export const normalizer: OperationNormalizer = { extras, identifiers: [], normalize };
