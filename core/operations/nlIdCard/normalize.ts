/** Netherlands identity card: bilingual dates (`10 MAA/MAR 1965`) and sex (`V/F`). */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import { parseNationality } from '../../normalize/nationality';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { parseSex } from '../../normalize/sex';
import { dutchDocument } from '../../validate';
import type { nlIdCard } from './entry';

const DOCUMENT_NUMBER = identifier('documentNumber', 'document number', dutchDocument, false);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [DOCUMENT_NUMBER];

type Key = FieldKey<typeof nlIdCard>;

export const extras = extraFields<never>([]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(DOCUMENT_NUMBER, answer.text('DocumentNo'), ctx.now);
	doc.documentNumber = number?.value ?? null;
	doc.firstName = answer.text('GivenNames');
	doc.lastName = answer.text('Surname');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(answer.text('Gender')).sex;
	doc.nationality = parseNationality(answer.text('Nationality')).alpha3;
	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: answer.text('DateOfBirth') }],
			dateOfIssue: [{ value: answer.text('DateOfIssue') }],
			dateOfExpiry: [{ value: answer.text('DateOfExpiry') }],
		},
		ctx,
	);
	return {
		document: doc,
		checks: { ...identifierChecks(DOCUMENT_NUMBER, number), ...standardChecks(doc, report, ctx) },
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
