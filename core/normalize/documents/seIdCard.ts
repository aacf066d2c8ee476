/**
 * Sweden national ID card. The personnummer is checked (Luhn) and compared with the printed date of birth
 * and sex. A two-digit printed birth year takes its century from the personnummer when day, month and
 * year digits agree (the `+` of a centenarian says what the two digits cannot).
 */
import { swedishPersonnummer } from '../../validate';
import { compare, consistencyCheck, idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { heightInCm, readText } from '../fields';
import { joinNames } from '../names';
import { parseNationality } from '../nationality';
import { parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import type { Checks } from '../types';
import { standardChecks, validated } from './common';

export const operationId = 'seIdCard';

export const extras: readonly ExtraField[] = [
	{ name: 'height', description: 'Height as printed, e.g. 170CM', type: 'string' },
	{ name: 'heightCm', description: 'Height in centimetres, when the printed value is one', type: 'number' },
	{ name: 'issuingAuthority', description: 'Issuing authority, e.g. POLISMYNDIGHETEN', type: 'string' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	doc.documentNumber = readText(data, 'CardNo')?.replace(/\s/g, '') ?? null;
	const pnr = validated(readText(data, 'PersonalId'), swedishPersonnummer.validate, { now: ctx.now });
	doc.personalNumber = pnr?.value ?? null;
	doc.firstName = readText(data, 'GivenNames');
	doc.lastName = readText(data, 'Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(readText(data, 'Sex')).sex;
	doc.nationality = parseNationality(readText(data, 'Nationality')).alpha3;
	doc.extras.height = readText(data, 'Height');
	doc.extras.heightCm = heightInCm(readText(data, 'Height'));
	doc.extras.issuingAuthority = readText(data, 'Authority');
	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: readText(data, 'DateOfBirth') }],
			dateOfIssue: [{ value: readText(data, 'DateOfIssue') }],
			dateOfExpiry: [{ value: readText(data, 'DateOfExpiry') }],
		},
		ctx,
	);
	const derived = pnr?.valid ? pnr.derived : undefined;
	const printedTwoDigits = report.parsed.dateOfBirth?.flags.includes('twoDigitYear');
	if (printedTwoDigits && doc.dateOfBirth && derived?.dateOfBirth && doc.dateOfBirth.slice(2) === derived.dateOfBirth.slice(2)) {
		doc.dateOfBirth = derived.dateOfBirth;
		doc.yearOfBirth = Number(derived.dateOfBirth.slice(0, 4));
	}
	const checks: Checks = { ...idChecks('personalNumberFormat', 'personalNumberChecksum', pnr, 'personnummer') };
	const consistency = consistencyCheck([
		compare('personnummer date of birth vs printed date of birth', derived?.dateOfBirth, doc.dateOfBirth),
		compare('personnummer sex vs printed sex', derived?.sex, doc.sex),
	]);
	if (consistency) checks.consistency = consistency;
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx) } };
}
