/** Colombia cédula, front: number and names only (the date of birth is on the back). The cédula does not expire. */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { colombiaCedula } from '../../validate';
import type { coIdCardFront } from './entry';

const CEDULA_NUMBER = identifier('personalNumber', 'cédula number', colombiaCedula, false);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [CEDULA_NUMBER];

type Key = FieldKey<typeof coIdCardFront>;

export const extras = extraFields<never>([]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(CEDULA_NUMBER, answer.text('CardNumber'), ctx.now);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	const report = applyDates(doc, {}, ctx, false);
	return {
		document: doc,
		checks: {
			...identifierChecks(CEDULA_NUMBER, number),
			...standardChecks(doc, report, ctx, 'the front of a cédula shows no date of birth: read the back'),
		},
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
