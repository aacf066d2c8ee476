/**
 * Norway national ID card. The vendor's answer has no fødselsnummer field, so only the (leniently checked)
 * document number is validated; core/validate/ids/norwayFnr is there for when it does.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { heightInCm, readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { parseSex } from '../../normalize/sex';
import { norwayIdDocument } from '../../validate';
import type { noIdCard } from './entry';

const DOCUMENT_NUMBER = identifier('documentNumber', 'document number', norwayIdDocument, false);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [DOCUMENT_NUMBER];

type Key = FieldKey<typeof noIdCard>;

export const extras = extraFields([
	{ name: 'height', description: 'Height as printed, e.g. 179CM', type: 'string' },
	{ name: 'heightCm', description: 'Height in centimetres, when the printed value is one', type: 'number' },
	{ name: 'canNumber', description: 'Card access number (CAN) for the chip', type: 'string', personal: true },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(DOCUMENT_NUMBER, answer.text('DocumentNo'), ctx.now);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(answer.text('Sex')).sex;
	doc.nationality = parseNationality(answer.text('Nationality')).alpha3;
	doc.extras.height = answer.text('Height');
	doc.extras.heightCm = heightInCm(answer.text('Height'));
	doc.extras.canNumber = answer.text('CanNo');
	const report = applyDates(
		doc,
		{ dateOfBirth: [{ value: answer.text('DateOfBirth') }], dateOfExpiry: [{ value: answer.text('DateOfExpiry') }] },
		ctx,
	);
	return {
		document: doc,
		checks: { ...identifierChecks(DOCUMENT_NUMBER, number), ...standardChecks(doc, report, ctx) },
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
