/**
 * Indonesian KTP, shared by both vendors (AI Solution `ocr_id`, AccuAuth Indonesia): the NIK is checked
 * (region, date) and its date of birth and sex (day + 40 for women) compared with the printed ones.
 * The vendors return no "berlaku hingga" field, so the expiry stays unknown.
 */
import { nik } from '../../validate';
import { compare, consistencyCheck, idChecks, type Comparison } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import { parseNationality } from '../nationality';
import { agreeingSex, parseSex } from '../sex';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import type { Checks } from '../types';
import { standardChecks, validated } from './common';

export const KTP_EXTRAS: readonly ExtraField[] = [
	{ name: 'rt', description: 'RT (neighbourhood unit) of the address', type: 'string' },
	{ name: 'rw', description: 'RW (community unit) of the address', type: 'string' },
	{ name: 'religion', description: 'Religion (agama) as printed', type: 'string' },
	{ name: 'maritalStatus', description: 'Marital status (status perkawinan) as printed, e.g. KAWIN', type: 'string' },
	{ name: 'occupation', description: 'Occupation (pekerjaan) as printed', type: 'string' },
];

/** The vendor's keys for the fields the two KTP answers name differently. */
export interface KtpKeys {
	operationId: string;
	nik: string;
	/** AccuAuth adds a formatted M/F next to LAKI-LAKI/PEREMPUAN. */
	sexLetter?: string;
}

export function normalizeKtp(keys: KtpKeys, data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(keys.operationId, KTP_EXTRAS);
	const number = validated(readText(data, keys.nik), nik.validate, { now: ctx.now });
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = readText(data, 'name');
	doc.placeOfBirth = readText(data, 'pob');
	doc.nationality = parseNationality(readText(data, 'nationnality')).alpha3;
	const printedSex = parseSex(readText(data, 'gender'));
	const letterSex = keys.sexLetter ? parseSex(readText(data, keys.sexLetter)) : null;
	const sex = agreeingSex(letterSex ? [printedSex, letterSex] : [printedSex]);
	doc.sex = sex.sex;
	const street = readText(data, 'address');
	const parts = {
		village: readText(data, 'village'),
		district: readText(data, 'district'),
		city: readText(data, 'city'),
		region: readText(data, 'province'),
	};
	if (street || Object.values(parts).some(Boolean)) doc.address = { raw: street, street, ...parts, postcode: null, country: null };
	doc.extras.rt = readText(data, 'rt');
	doc.extras.rw = readText(data, 'rw');
	doc.extras.religion = readText(data, 'religion');
	doc.extras.maritalStatus = readText(data, 'marital_status');
	doc.extras.occupation = readText(data, 'work');
	const report = applyDates(doc, { dateOfBirth: [{ value: readText(data, 'dob') }] }, ctx);

	const derived = number?.valid ? number.derived : undefined;
	const comparisons: Comparison[] = [
		compare('NIK date of birth vs printed date of birth', derived?.dateOfBirth, doc.dateOfBirth),
		compare('NIK sex vs printed sex', derived?.sex, doc.sex),
	];
	if (letterSex) comparisons.push({ what: 'gender vs gender_s', agree: sex.conflict ? false : printedSex.sex && letterSex.sex ? true : null });
	const checks: Checks = { ...idChecks('personalNumberFormat', null, number, 'NIK') };
	checks.consistency = consistencyCheck(comparisons);
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx) } };
}
