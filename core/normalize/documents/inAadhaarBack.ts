/** India Aadhaar, back: the address side, with the number and VID printed again (compareAadhaarSides checks them). */
import { aadhaar, aadhaarVid } from '../../validate';
import { idChecks } from '../checks';
import { applyDates, blankDocument } from '../document';
import { readText } from '../fields';
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { standardChecks, validated } from './common';

export const operationId = 'inAadhaarBack';

export const extras: readonly ExtraField[] = [
	{ name: 'vid', description: 'Aadhaar Virtual ID (16 digits), when printed', type: 'string' },
	{ name: 'aadhaarMasked', description: 'true when only the last 4 digits of the Aadhaar number are printed', type: 'boolean' },
];

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	const doc = blankDocument(operationId, extras);
	const number = validated(readText(data, 'CardNumber'), aadhaar.validate);
	const vid = validated(readText(data, 'VID'), aadhaarVid.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.extras.vid = vid?.value ?? null;
	doc.extras.aadhaarMasked = number ? number.masked === true : null;
	const raw = readText(data, 'Address');
	const city = readText(data, 'City');
	const region = readText(data, 'Province');
	const postcode = readText(data, 'PostCode');
	if (raw || city || region || postcode) {
		doc.address = { raw, street: null, village: null, district: null, city, region, postcode, country: null };
	}
	const report = applyDates(doc, {}, ctx, false);
	return {
		document: doc,
		checks: {
			...idChecks('personalNumberFormat', 'personalNumberChecksum', number, 'Aadhaar number'),
			...(vid ? idChecks('vidFormat', 'vidChecksum', vid, 'VID') : {}),
			...standardChecks(doc, report, ctx, 'the back of an Aadhaar shows no date of birth: read the front'),
		},
	};
}
