/**
 * Ecuador cédula through AccuAuth, either side (`card_side`). Dates come twice (`27 JUL 1993` and
 * `27-07-1993`), the sex twice (HOMBRE/MUJER and M/F): each pair must agree. The name is printed surnames
 * first; it is split into first and last name only when that is safe (four words, no particles).
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { consistencyCheck } from '../../normalize/checks';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { splitSurnamesFirst } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { agreeingSex, parseSex } from '../../normalize/sex';
import type { Checks } from '../../normalize/types';
import { ecuadorCedula } from '../../validate';
import type { ecIdCard } from './entry';

const CEDULA_NUMBER = identifier('personalNumber', 'cédula number', ecuadorCedula, true);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [CEDULA_NUMBER];

type Key = FieldKey<typeof ecIdCard>;

export const extras = extraFields([
	{ name: 'cardSide', description: 'Which side was read: front or back', type: 'string' },
	{ name: 'cardType', description: 'Card model: old, new, ALIEN or TEMP', type: 'string' },
	{ name: 'maritalStatus', description: 'Marital status (estado civil) as printed', type: 'string' },
	{ name: 'education', description: 'Education (instrucción), back', type: 'string' },
	{ name: 'profession', description: 'Profession (profesión/ocupación), back', type: 'string' },
	{ name: 'motherName', description: "Mother's name, back (the vendor may mask it with *)", type: 'string' },
	{ name: 'fatherName', description: "Father's name, back (the vendor may mask it with *)", type: 'string' },
]);

/** The keys inside `card_info`. */
type InsideCardInfo<K> = K extends `card_info.${infer Inner}` ? Inner : never;
type InfoKey = InsideCardInfo<Key>;
const info = (key: InfoKey): Key => `card_info.${key}`;

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const rawNumber = answer.text(info('id_number'));
	const side = answer.text('card_side')?.toLowerCase() ?? (rawNumber ? 'front' : null);
	const number = readIdentifier(CEDULA_NUMBER, rawNumber, ctx.now);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = answer.text(info('name'));
	const split = splitSurnamesFirst(doc.fullName);
	doc.firstName = split?.firstName ?? null;
	doc.lastName = split?.lastName ?? null;
	doc.nationality = parseNationality(answer.text(info('nationality'))).alpha3;
	doc.placeOfBirth = answer.text(info('birth_place'));
	const word = parseSex(answer.text(info('gender')));
	const letter = parseSex(answer.text(info('gender_s')));
	const sex = agreeingSex([word, letter]);
	doc.sex = sex.sex;
	Object.assign(doc.extras, {
		cardSide: side,
		cardType: answer.text('card_type'),
		maritalStatus: answer.text(info('marital_status')),
		education: answer.text(info('education')),
		profession: answer.text(info('profession')),
		motherName: answer.text(info('mother_name')),
		fatherName: answer.text(info('father_name')),
	} satisfies typeof doc.extras);
	// Each date is printed twice: `27 JUL 1993` under its key, `27-07-1993` under the same key with `_s`.
	const pair = (key: 'birthday' | 'issue_date' | 'expiry_date') => [
		{ value: answer.text(info(key)) },
		{ value: answer.text(info(`${key}_s`)) },
	];
	const report = applyDates(
		doc,
		{ dateOfBirth: pair('birthday'), dateOfIssue: pair('issue_date'), dateOfExpiry: pair('expiry_date') },
		ctx,
	);

	const checks: Checks = {};
	if (side !== 'back') Object.assign(checks, identifierChecks(CEDULA_NUMBER, number));
	if (word.sex || letter.sex) {
		checks.consistency = consistencyCheck([
			{ what: 'gender vs gender_s', agree: sex.conflict ? false : word.sex && letter.sex ? true : null },
		]);
	}
	const noBirth = side === 'back' ? 'the back of a cédula shows no date of birth: read the front' : undefined;
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx, noBirth) } };
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
