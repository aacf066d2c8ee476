import { OPERATIONS, blankDocument, documentNormalizer, needsReview, type CallResult, type CanonicalDocument, type Checks as CoreChecks, type Operation } from '../../../../core';
import { documentExtras } from './extras';
import type { Checks, ResolversTypes, ResolversUnionTypes } from '../../schema/types.generated';
import { callInfo } from '../problems/call';

/** The document members of readDocument's union (each has the IdDocument fields and its own extras). */
export type DocumentResult = Extract<ResolversUnionTypes<ResolversTypes>['ReadDocumentResult'], { documentType: unknown }>;

/** A recognized document as its GraphQL type: canonical fields, extras, checks, the raw answer. */
export function documentOf(op: Operation, result: CallResult, includeRaw: boolean): DocumentResult {
	// The client normalizes every recognized document; the blank one only guards a success without data.
	const canonical = result.document ?? blankDocument(op.id, documentNormalizer(op.id).extras);
	const { extras, ...fields } = canonical;
	const checks: CoreChecks = result.checks ?? {};
	const own: Record<string, string | number | boolean | null> = {};
	for (const extra of documentExtras(op.id)) own[extra.name] = extras?.[extra.name] ?? null;
	// The type name comes from the same catalog entries the schema was generated from.
	return {
		__typename: typeNameOf(op, canonical) as DocumentResult['__typename'],
		...fields,
		...own,
		checks: checks as Checks,
		needsReview: needsReview(checks),
		raw: includeRaw ? (result.data ?? null) : null,
		call: callInfo(result),
	} as DocumentResult;
}

/**
 * The type of the document the vendor actually read. One endpoint can read two kinds (the Thai one reads the
 * ID card and the driving licence): then the answer's kind picks the entry of the same endpoint for that kind,
 * and checks.documentTypeMatches says the kind was not the one asked for.
 */
function typeNameOf(op: Operation, document: CanonicalDocument): string {
	if (document.documentType === op.document!.documentType) return op.document!.typeName;
	const sibling = OPERATIONS.find((other) => other.vendor === op.vendor && other.path === op.path && other.document?.country === op.document!.country && other.document?.documentType === document.documentType);
	return sibling?.document!.typeName ?? op.document!.typeName;
}

