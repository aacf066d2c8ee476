/** The shape every document normalizer has (one file per OCR operation in documents/). */
import type { CanonicalDocument, Checks } from './types';

/** A key of `document.extras`, declared so the GraphQL schema and the README can be generated from it. */
export interface ExtraField {
	name: string;
	description: string;
	type: 'string' | 'number' | 'boolean';
}

/** NormalizeOptions with the defaults filled in. */
export interface NormalizeContext {
	now: Date;
	minimumAge: number;
}

export interface NormalizedDocument {
	document: CanonicalDocument;
	checks: Checks;
}

export interface DocumentNormalizer {
	operationId: string;
	extras: readonly ExtraField[];
	/** Never throws: a missing or odd field gives null and a check that says so. */
	normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument;
}
