/** India Aadhaar, back: the address side, with the number and VID printed again (compareAadhaarSides checks them). */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { idChecks } from '../../normalize/checks';
import { standardChecks, validated } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { aadhaar, aadhaarVid } from '../../validate';
import type { inAadhaarBack } from './entry';

const AADHAAR_NUMBER = identifier('personalNumber', 'Aadhaar number', aadhaar, true);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [AADHAAR_NUMBER];

type Key = FieldKey<typeof inAadhaarBack>;

export const extras = extraFields([
	{ name: 'vid', description: 'Aadhaar Virtual ID (16 digits), when printed', type: 'string', personal: true },
	{ name: 'aadhaarMasked', description: 'true when only the last 4 digits of the Aadhaar number are printed', type: 'boolean' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(AADHAAR_NUMBER, answer.text('CardNumber'), ctx.now);
	const vid = validated(answer.text('VID'), aadhaarVid.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.extras.vid = vid?.value ?? null;
	doc.extras.aadhaarMasked = number ? number.masked === true : null;
	const raw = answer.text('Address');
	const city = answer.text('City');
	const region = answer.text('Province');
	const postcode = answer.text('PostCode');
	if (raw || city || region || postcode) {
		doc.address = { raw, street: null, village: null, district: null, city, region, postcode, country: null };
	}
	const report = applyDates(doc, {}, ctx, false);
	return {
		document: doc,
		checks: {
			...identifierChecks(AADHAAR_NUMBER, number),
			...(vid ? idChecks('vidFormat', 'vidChecksum', vid, 'VID') : {}),
			...standardChecks(doc, report, ctx, 'the back of an Aadhaar shows no date of birth: read the front'),
		},
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
