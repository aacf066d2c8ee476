/** Colombia cédula, front: number and names only (the date of birth is on the back). The cédula does not expire. */
import type { FieldKey } from '../../catalog/types';
import { idChecks } from '../../normalize/checks';
import { standardChecks, validated } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { colombiaCedula } from '../../validate';
import type { coIdCardFront } from './entry';

type Key = FieldKey<typeof coIdCardFront>;

export const extras = extraFields<never>([]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = validated(answer.text('CardNumber'), colombiaCedula.validate);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	const report = applyDates(doc, {}, ctx, false);
	return {
		document: doc,
		checks: {
			...idChecks('personalNumberFormat', null, number, 'cédula number'),
			...standardChecks(doc, report, ctx, 'the front of a cédula shows no date of birth: read the back'),
		},
	};
}

export const normalizer: OperationNormalizer = { extras, normalize };
