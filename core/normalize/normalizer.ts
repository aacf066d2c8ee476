import type { Identifier } from './identifiers';
/** The shape every document normalizer has (one per OCR operation, next to its catalog entry in core/operations/). */
import type { DocumentInfo } from '../catalog/types';
import type { CanonicalDocument, Checks } from './types';

/** A key of `document.extras`, declared so the GraphQL schema and the README can be generated from it. */
export interface ExtraField<N extends string = string> {
	name: N;
	description: string;
	type: 'string' | 'number' | 'boolean';
	/** A number that identifies the person or the card (VID, CURP, licence number …): masked where numbers are masked. */
	personal?: boolean;
}

/** NormalizeOptions with the defaults filled in. */
export interface NormalizeContext {
	now: Date;
	minimumAge: number;
}

/** What one normalization is told: the clock, the minimum age, and the document its operation reads. */
export interface DocumentContext extends NormalizeContext {
	document: DocumentInfo;
}

export interface NormalizedDocument {
	document: CanonicalDocument;
	checks: Checks;
}

/** What an OCR entry carries as its `normalizer`. */
export interface OperationNormalizer {
	extras: readonly ExtraField[];
	/** The ID numbers the document prints. */
	identifiers: readonly Identifier[];
	/** Never throws: a missing or odd field gives null and a check that says so. */
	normalize(data: unknown, ctx: DocumentContext): NormalizedDocument;
}

/** An OCR operation's normalizer, bound to the operation (made from the catalog by core/normalize). */
export interface DocumentNormalizer {
	operationId: string;
	extras: readonly ExtraField[];
	identifiers: readonly Identifier[];
	/** Never throws: a missing or odd field gives null and a check that says so. */
	normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument;
}
