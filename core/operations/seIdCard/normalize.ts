/**
 * Sweden national ID card. The personnummer is checked (Luhn) and compared with the printed date of birth
 * and sex. A two-digit printed birth year takes its century from the personnummer when day, month and
 * year digits agree (the `+` of a centenarian says what the two digits cannot).
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { compare, consistencyCheck } from '../../normalize/checks';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { heightInCm, readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { parseSex } from '../../normalize/sex';
import type { Checks } from '../../normalize/types';
import { swedishPersonnummer } from '../../validate';
import type { seIdCard } from './entry';

const PERSONNUMMER = identifier('personalNumber', 'personnummer', swedishPersonnummer, true);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [PERSONNUMMER];

type Key = FieldKey<typeof seIdCard>;

export const extras = extraFields([
	{ name: 'height', description: 'Height as printed, e.g. 170CM', type: 'string' },
	{ name: 'heightCm', description: 'Height in centimetres, when the printed value is one', type: 'number' },
	{ name: 'issuingAuthority', description: 'Issuing authority, e.g. POLISMYNDIGHETEN', type: 'string' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	doc.documentNumber = answer.text('CardNo')?.replace(/\s/g, '') ?? null;
	const pnr = readIdentifier(PERSONNUMMER, answer.text('PersonalId'), ctx.now);
	doc.personalNumber = pnr?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(answer.text('Sex')).sex;
	doc.nationality = parseNationality(answer.text('Nationality')).alpha3;
	doc.extras.height = answer.text('Height');
	doc.extras.heightCm = heightInCm(answer.text('Height'));
	doc.extras.issuingAuthority = answer.text('Authority');
	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: answer.text('DateOfBirth') }],
			dateOfIssue: [{ value: answer.text('DateOfIssue') }],
			dateOfExpiry: [{ value: answer.text('DateOfExpiry') }],
		},
		ctx,
	);
	const derived = pnr?.valid ? pnr.derived : undefined;
	const printedTwoDigits = report.parsed.dateOfBirth?.flags.includes('twoDigitYear');
	if (printedTwoDigits && doc.dateOfBirth && derived?.dateOfBirth && doc.dateOfBirth.slice(2) === derived.dateOfBirth.slice(2)) {
		doc.dateOfBirth = derived.dateOfBirth;
		doc.yearOfBirth = Number(derived.dateOfBirth.slice(0, 4));
	}
	const checks: Checks = { ...identifierChecks(PERSONNUMMER, pnr) };
	const consistency = consistencyCheck([
		compare('personnummer date of birth vs printed date of birth', derived?.dateOfBirth, doc.dateOfBirth),
		compare('personnummer sex vs printed sex', derived?.sex, doc.sex),
	]);
	if (consistency) checks.consistency = consistency;
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx) } };
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
