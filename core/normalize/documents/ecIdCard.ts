/**
 * Ecuador cédula through AccuAuth, either side (`card_side`). Dates come twice (`27 JUL 1993` and
 * `27-07-1993`), the sex twice (HOMBRE/MUJER and M/F): each pair must agree. The name is printed surnames
 * first; it is split into first and last name only when that is safe (four words, no particles).
 */
import { ecuadorCedula } from '../../validate';
import { consistencyCheck, idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import { splitSurnamesFirst } from '../names';
import { parseNationality } from '../nationality';
import { agreeingSex, parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import type { Checks } from '../types';
import { standardChecks, validated } from './common';

export const operationId = 'ecIdCard';

export const extras: readonly ExtraField[] = [
	{ name: 'cardSide', description: 'Which side was read: front or back', type: 'string' },
	{ name: 'cardType', description: 'Card model: old, new, ALIEN or TEMP', type: 'string' },
	{ name: 'maritalStatus', description: 'Marital status (estado civil) as printed', type: 'string' },
	{ name: 'education', description: 'Education (instrucción), back', type: 'string' },
	{ name: 'profession', description: 'Profession (profesión/ocupación), back', type: 'string' },
	{ name: 'motherName', description: "Mother's name, back (the vendor may mask it with *)", type: 'string' },
	{ name: 'fatherName', description: "Father's name, back (the vendor may mask it with *)", type: 'string' },
];

const info = (key: string) => `card_info.${key}`;

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const rawNumber = readText(data, info('id_number'));
	const side = readText(data, 'card_side')?.toLowerCase() ?? (rawNumber ? 'front' : null);
	const number = validated(rawNumber, ecuadorCedula.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = readText(data, info('name'));
	const split = splitSurnamesFirst(doc.fullName);
	doc.firstName = split?.firstName ?? null;
	doc.lastName = split?.lastName ?? null;
	doc.nationality = parseNationality(readText(data, info('nationality'))).alpha3;
	doc.placeOfBirth = readText(data, info('birth_place'));
	const word = parseSex(readText(data, info('gender')));
	const letter = parseSex(readText(data, info('gender_s')));
	const sex = agreeingSex([word, letter]);
	doc.sex = sex.sex;
	Object.assign(doc.extras, {
		cardSide: side,
		cardType: readText(data, 'card_type'),
		maritalStatus: readText(data, info('marital_status')),
		education: readText(data, info('education')),
		profession: readText(data, info('profession')),
		motherName: readText(data, info('mother_name')),
		fatherName: readText(data, info('father_name')),
	});
	const pair = (key: string) => [{ value: readText(data, info(key)) }, { value: readText(data, info(`${key}_s`)) }];
	const report = applyDates(doc, { dateOfBirth: pair('birthday'), dateOfIssue: pair('issue_date'), dateOfExpiry: pair('expiry_date') }, ctx);

	const checks: Checks = {};
	if (side !== 'back') Object.assign(checks, idChecks('personalNumberFormat', 'personalNumberChecksum', number, 'cédula number'));
	if (word.sex || letter.sex) {
		checks.consistency = consistencyCheck([
			{ what: 'gender vs gender_s', agree: sex.conflict ? false : word.sex && letter.sex ? true : null },
		]);
	}
	const noBirth = side === 'back' ? 'the back of a cédula shows no date of birth: read the front' : undefined;
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx, noBirth) } };
}
