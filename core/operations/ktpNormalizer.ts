/**
 * Indonesian KTP, shared by both vendors (AI Solution `ocr_id`, AccuAuth Indonesia): the NIK is checked
 * (region, date) and its date of birth and sex (day + 40 for women) compared with the printed ones.
 * The vendors return no "berlaku hingga" field, so the expiry stays unknown.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../normalize/identifiers';
import type { FieldKey } from '../catalog/types';
import { compare, consistencyCheck, type Comparison } from '../normalize/checks';
import { standardChecks } from '../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../normalize/document';
import { readAnswer } from '../normalize/fields';
import { parseNationality } from '../normalize/nationality';
import type { DocumentContext, NormalizedDocument } from '../normalize/normalizer';
import { agreeingSex, parseSex } from '../normalize/sex';
import type { Checks } from '../normalize/types';
import { nik } from '../validate';
import type { idKtp } from './idKtp/entry';
import type { idKtpAccuauth } from './idKtpAccuauth/entry';

const NIK = identifier('personalNumber', 'NIK', nik, false);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const KTP_IDENTIFIERS: readonly Identifier[] = [NIK];

/** The keys both KTP answers share. */
type SharedKey = FieldKey<typeof idKtp> & FieldKey<typeof idKtpAccuauth>;

export const KTP_EXTRAS = extraFields([
	{ name: 'rt', description: 'RT (neighbourhood unit) of the address', type: 'string' },
	{ name: 'rw', description: 'RW (community unit) of the address', type: 'string' },
	{ name: 'religion', description: 'Religion (agama) as printed', type: 'string' },
	{ name: 'maritalStatus', description: 'Marital status (status perkawinan) as printed, e.g. KAWIN', type: 'string' },
	{ name: 'occupation', description: 'Occupation (pekerjaan) as printed', type: 'string' },
]);

/** The vendor's keys for the fields the two KTP answers name differently (`K`: the calling entry's keys). */
export interface KtpKeys<K extends string> {
	nik: K;
	/** AccuAuth adds a formatted M/F next to LAKI-LAKI/PEREMPUAN. */
	sexLetter?: K;
}

export function normalizeKtp<K extends string>(keys: KtpKeys<K>, data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, KTP_EXTRAS);
	const answer = readAnswer<SharedKey | K>(data);
	const number = readIdentifier(NIK, answer.text(keys.nik), ctx.now);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = answer.text('name');
	doc.placeOfBirth = answer.text('pob');
	doc.nationality = parseNationality(answer.text('nationnality')).alpha3;
	const printedSex = parseSex(answer.text('gender'));
	const letterSex = keys.sexLetter ? parseSex(answer.text(keys.sexLetter)) : null;
	const sex = agreeingSex(letterSex ? [printedSex, letterSex] : [printedSex]);
	doc.sex = sex.sex;
	const street = answer.text('address');
	const parts = {
		village: answer.text('village'),
		district: answer.text('district'),
		city: answer.text('city'),
		region: answer.text('province'),
	};
	if (street || Object.values(parts).some(Boolean)) doc.address = { raw: street, street, ...parts, postcode: null, country: null };
	doc.extras.rt = answer.text('rt');
	doc.extras.rw = answer.text('rw');
	doc.extras.religion = answer.text('religion');
	doc.extras.maritalStatus = answer.text('marital_status');
	doc.extras.occupation = answer.text('work');
	const report = applyDates(doc, { dateOfBirth: [{ value: answer.text('dob') }] }, ctx);

	const derived = number?.valid ? number.derived : undefined;
	const comparisons: Comparison[] = [
		compare('NIK date of birth vs printed date of birth', derived?.dateOfBirth, doc.dateOfBirth),
		compare('NIK sex vs printed sex', derived?.sex, doc.sex),
	];
	if (letterSex)
		comparisons.push({ what: 'gender vs gender_s', agree: sex.conflict ? false : printedSex.sex && letterSex.sex ? true : null });
	const checks: Checks = { ...identifierChecks(NIK, number) };
	checks.consistency = consistencyCheck(comparisons);
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx) } };
}
