/**
 * Thai cards. One endpoint reads the national ID card and the driving licence; `cardTypeEn` / `cardTypeTh`
 * say which card was read, and that decides the shape (the documentTypeMatches check compares it with what
 * the operation asked for). Dates are printed twice (Thai side in the Buddhist era, English side), names in
 * Thai and English with a title that gives the sex.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../normalize/identifiers';
import type { DocumentType, FieldKey } from '../catalog/types';
import { check, compare, consistencyCheck } from '../normalize/checks';
import { standardChecks } from '../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../normalize/document';
import { readAnswer, type AnswerReader } from '../normalize/fields';
import { firstAndRest, joinNames, splitTitle } from '../normalize/names';
import type { DocumentContext, NormalizedDocument } from '../normalize/normalizer';
import { agreeingSex } from '../normalize/sex';
import type { Check, Checks } from '../normalize/types';
import { thaiLicence, thaiPin } from '../validate';
import type { thDrivingLicence } from './thDrivingLicence/entry';
import type { thIdCard } from './thIdCard/entry';

const LICENCE_NUMBER = identifier('documentNumber', 'licence number', thaiLicence, false);
const NATIONAL_ID_NUMBER = identifier('personalNumber', 'national ID number', thaiPin, true);

/** The ID numbers each Thai card prints, for a read and for a recheck of reviewed fields. */
export const THAI_ID_CARD_IDENTIFIERS: readonly Identifier[] = [NATIONAL_ID_NUMBER];
export const THAI_LICENCE_IDENTIFIERS: readonly Identifier[] = [LICENCE_NUMBER, NATIONAL_ID_NUMBER];

/** One endpoint answers with either card, so an answer may carry the keys of either entry. */
type ThaiKey = FieldKey<typeof thIdCard> | FieldKey<typeof thDrivingLicence>;

export const THAI_EXTRAS = extraFields([
	{
		name: 'cardType',
		description: 'The card the vendor says it read (cardTypeEn), e.g. Thai National ID Card, Driving License',
		type: 'string',
	},
	{ name: 'cardTypeLocal', description: 'The same in Thai (cardTypeTh)', type: 'string' },
	{ name: 'licenceNumber', description: 'Driving-licence number (8 digits), on a licence', type: 'string', personal: true },
	{
		name: 'serialNumber',
		description: 'Card serial number printed on the ID-card front (not the laser code of the back)',
		type: 'string',
		personal: true,
	},
	{ name: 'title', description: 'English title as printed (Mr., Mrs., Miss …)', type: 'string' },
	{ name: 'titleLocal', description: 'Thai title as printed (นาย, นาง, นางสาว, น.ส. …)', type: 'string' },
	{ name: 'religion', description: 'Religion as printed on the ID card', type: 'string' },
]);

/** Which card the answer says it is, or null when it does not say. */
export function thaiCardKind(data: unknown): DocumentType | null {
	return cardKindOf(readAnswer<ThaiKey>(data));
}

function cardKindOf(answer: AnswerReader<ThaiKey>): DocumentType | null {
	const en = answer.text('cardTypeEn')?.toUpperCase() ?? '';
	const th = answer.text('cardTypeTh') ?? '';
	if (/DRIV/.test(en) || th.includes('ใบอนุญาตขับ')) return 'DRIVING_LICENSE';
	if (/ID(ENTITY|ENTIFICATION)? CARD|NATIONAL/.test(en) || th.includes('บัตรประจำตัวประชาชน')) return 'ID_CARD';
	return null;
}

const KIND_WORDS: Record<string, string> = { ID_CARD: 'an ID card', DRIVING_LICENSE: 'a driving licence' };

export function normalizeThai(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, THAI_EXTRAS);
	const answer = readAnswer<ThaiKey>(data);
	const asked = doc.documentType;
	const read = cardKindOf(answer);
	doc.documentType = read ?? asked;
	const typeCheck: Check =
		read === null
			? check(null, 'the answer does not say which Thai card was read')
			: check(read === asked, `the vendor read ${KIND_WORDS[read]}; ${KIND_WORDS[asked]} was asked for`);

	const pin = readIdentifier(NATIONAL_ID_NUMBER, answer.text('idNumber'), ctx.now);
	const licence = readIdentifier(LICENCE_NUMBER, answer.text('licenseNumber'), ctx.now);
	doc.personalNumber = pin?.value ?? null;
	doc.documentNumber = doc.documentType === 'DRIVING_LICENSE' ? (licence?.value ?? null) : doc.personalNumber;

	const local = splitTitle(answer.text('nameTh'));
	const localParts = firstAndRest(local.name);
	doc.firstNameLocal = localParts.first;
	doc.lastNameLocal = localParts.rest;
	doc.fullNameLocal = local.name;
	const latin = splitTitle(answer.text('nameEn'));
	const lastNameEn = answer.text('lastNameEn');
	const latinParts = lastNameEn ? { first: latin.name, rest: lastNameEn } : firstAndRest(latin.name);
	doc.firstName = latinParts.first;
	doc.lastName = latinParts.rest;
	doc.fullName = joinNames(latinParts.first, latinParts.rest);
	const sex = agreeingSex([
		{ sex: local.sex, recognized: true },
		{ sex: latin.sex, recognized: true },
	]);
	doc.sex = sex.sex;
	doc.nationality = null;
	const address = answer.text('address');
	if (address)
		doc.address = { raw: address, street: null, village: null, district: null, city: null, region: null, postcode: null, country: null };
	Object.assign(doc.extras, {
		cardType: answer.text('cardTypeEn'),
		cardTypeLocal: answer.text('cardTypeTh'),
		licenceNumber: licence?.value ?? null,
		serialNumber: answer.text('serialNumber'),
		title: latin.title,
		titleLocal: local.title,
		religion: answer.text('religion'),
	} satisfies typeof doc.extras);

	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: answer.text('birthTh'), era: 'BE' }, { value: answer.text('birthEn') }],
			dateOfIssue: [
				{ value: answer.text('issueDateTH'), era: 'BE' },
				{ value: answer.text('issueDateEN') },
				{ value: answer.text('issueDate') },
			],
			dateOfExpiry: [
				{ value: answer.text('expiryDateTH'), era: 'BE' },
				{ value: answer.text('expiryDateEN') },
				{ value: answer.text('expiryDate') },
			],
		},
		ctx,
	);

	const checks: Checks = {};
	if (doc.documentType === 'DRIVING_LICENSE') Object.assign(checks, identifierChecks(LICENCE_NUMBER, licence));
	Object.assign(checks, identifierChecks(NATIONAL_ID_NUMBER, pin));
	checks.consistency = consistencyCheck([
		sex.conflict
			? { what: 'sex from the Thai title vs the English title', agree: false }
			: compare('sex from the Thai title vs the English title', local.sex, latin.sex),
	]);
	Object.assign(checks, standardChecks(doc, report, ctx));
	checks.documentTypeMatches = typeCheck;
	return { document: doc, checks };
}
