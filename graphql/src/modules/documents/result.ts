import {
	OPERATIONS,
	blankDocument,
	documentNormalizer,
	needsReview,
	type CallResult,
	type CanonicalDocument,
	type Operation,
} from '../../../../core';
import type { IdDocument } from '../../schema/types.generated';
import { callInfo } from '../problems/call';
import { documentExtras } from './extras';
import type { DocumentResult, DocumentTypeName } from './model';

export type { DocumentResult };

/** A recognized document as its GraphQL type: canonical fields, extras, checks, the raw answer. */
export function documentOf(op: Operation, result: CallResult, includeRaw: boolean): DocumentResult {
	// The client normalizes every recognized document; the blank one only guards a success without data.
	const canonical = result.document ?? blankDocument(op.id, documentNormalizer(op.id).extras);
	const { extras, ...fields } = canonical;
	const checks = result.checks ?? {};
	const own: Record<string, string | number | boolean | null> = {};
	for (const extra of documentExtras(op.id)) own[extra.name] = extras?.[extra.name] ?? null;
	// Typed by the schema: a canonical field that no longer fits its GraphQL type fails the build here.
	const document: Omit<IdDocument, '__typename'> = {
		...fields,
		checks,
		needsReview: needsReview(checks),
		raw: includeRaw ? (result.data ?? null) : null,
		call: callInfo(result),
	};
	return { ...own, ...document, __typename: typeNameOf(op, canonical) };
}

/** The catalog's document type names are the schema's (the schema is generated from them); checked, not assumed. */
const DOCUMENT_TYPE_NAMES = new Set<string>(OPERATIONS.flatMap((other) => (other.document ? [other.document.typeName] : [])));
function isDocumentTypeName(name: string): name is DocumentTypeName {
	return DOCUMENT_TYPE_NAMES.has(name);
}

/**
 * The type of the document the vendor actually read. One endpoint can read two kinds (the Thai one reads the
 * ID card and the driving licence): then the answer's kind picks the entry of the same endpoint for that kind,
 * and checks.documentTypeMatches says the kind was not the one asked for.
 */
function typeNameOf(op: Operation, document: CanonicalDocument): DocumentTypeName {
	const sibling = OPERATIONS.find(
		(other) =>
			other.vendor === op.vendor &&
			other.path === op.path &&
			other.document?.country === op.document!.country &&
			other.document?.documentType === document.documentType,
	);
	const name =
		document.documentType === op.document!.documentType ? op.document!.typeName : (sibling?.document!.typeName ?? op.document!.typeName);
	if (!isDocumentTypeName(name)) throw new Error(`${op.id}: ${name} is not a document type of the schema`);
	return name;
}
