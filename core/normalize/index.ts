/**
 * Normalization of OCR answers: one canonical document and its checks for every OCR operation of the
 * catalog. The client calls normalizeDocument for each recognized document; the GraphQL schema and the
 * README read each normalizer's extras.
 */
import { OPERATIONS, findOperation, getOperation } from '../catalog';
import type { Operation } from '../catalog/types';
import { DEFAULT_MINIMUM_AGE } from '../defaults';
import { check } from './checks';
import { standardChecks } from './common';
import { applyDates, emptyDocument } from './document';
import { identifierChecks, readIdentifier } from './identifiers';
import { joinNames } from './names';
import { parseNationality } from './nationality';
import { parseSex } from './sex';
import type { DocumentNormalizer, ExtraField, NormalizeContext, NormalizedDocument } from './normalizer';
import { CHECK_NAMES, type CanonicalDocument, type Check, type Checks, type NormalizeOptions } from './types';

export type {
	DocumentContext,
	DocumentNormalizer,
	ExtraField,
	NormalizeContext,
	NormalizedDocument,
	OperationNormalizer,
} from './normalizer';
export { parseDate, parseDateSources, type DateFlag, type DateOptions, type DateRole, type ParsedDate } from './dates';
export { MONTH_TOKENS, monthOf } from './months';
export { parseSex, type Sex, type SexReading } from './sex';
export { parseNationality } from './nationality';
export { DEFAULT_MINIMUM_AGE };

/** The normalizer an OCR entry carries, told which document its operation reads. */
function boundNormalizer(op: Operation): DocumentNormalizer | null {
	const { normalizer, document } = op;
	if (!normalizer || !document) return null;
	return {
		operationId: op.id,
		extras: normalizer.extras,
		identifiers: normalizer.identifiers,
		normalize: (data, ctx) => normalizer.normalize(data, { ...ctx, document }),
	};
}

/** One normalizer per OCR operation, in catalog order: made from the entries, never listed by hand. */
export const DOCUMENT_NORMALIZERS: readonly DocumentNormalizer[] = OPERATIONS.flatMap((op) => boundNormalizer(op) ?? []);

const byOperation = new Map(DOCUMENT_NORMALIZERS.map((n) => [n.operationId, n]));

/** The normalizer of an OCR operation (its extras describe the document-specific fields). */
export function documentNormalizer(operationId: string): DocumentNormalizer {
	const normalizer = byOperation.get(operationId);
	if (normalizer) return normalizer;
	const op = findOperation(operationId);
	if (!op) throw new Error(`Unknown operation "${operationId}"`);
	throw new Error(`Operation ${operationId} (${op.kind}) reads no document, so it has no normalizer`);
}

/** Everything null; type and country from the operation's catalog entry; every given extra present as null. */
export function blankDocument(operationId: string, extras: readonly ExtraField[]): CanonicalDocument {
	const info = getOperation(operationId).document;
	if (!info) throw new Error(`Operation ${operationId} reads no document`);
	return emptyDocument(info, extras);
}

/** The canonical document and its checks for a recognized OCR answer (`data`: the vendor's payload). */
export function normalizeDocument(operationId: string, data: unknown, options: NormalizeOptions = {}): NormalizedDocument {
	const ctx: NormalizeContext = { now: options.now ?? new Date(), minimumAge: options.minimumAge ?? DEFAULT_MINIMUM_AGE };
	const { document, checks } = documentNormalizer(operationId).normalize(data, ctx);
	return { document, checks: inCheckOrder(checks) };
}

/** The fields a reviewer can correct (or type from a paper form), as text. */
export type ReviewedFields = Partial<
	Record<
		'documentNumber' | 'personalNumber' | 'firstName' | 'lastName' | 'sex' | 'nationality' | 'dateOfBirth' | 'dateOfIssue' | 'dateOfExpiry',
		string | null
	>
>;

/**
 * Normalizes reviewed fields and recomputes the checks a read would: the document's ID numbers (format and check
 * digit), expiry, age and the dates. Free and offline. Checks that compare with what only the vendor's answer
 * holds (a number against a printed date, both Aadhaar sides) are left out, not passed.
 */
export function recheckDocument(operationId: string, fields: ReviewedFields, options: NormalizeOptions = {}): NormalizedDocument {
	const ctx: NormalizeContext = { now: options.now ?? new Date(), minimumAge: options.minimumAge ?? DEFAULT_MINIMUM_AGE };
	const normalizer = documentNormalizer(operationId);
	const text = (name: keyof ReviewedFields) => {
		const value = fields[name]?.trim();
		return value ? value : null;
	};
	const doc = blankDocument(operationId, normalizer.extras);
	const checks: Checks = {};
	for (const id of normalizer.identifiers) {
		const validation = readIdentifier(id, text(id.field), ctx.now);
		doc[id.field] = validation?.value ?? null;
		Object.assign(checks, identifierChecks(id, validation));
	}
	doc.firstName = text('firstName');
	doc.lastName = text('lastName');
	doc.fullName = joinNames(doc.firstName, doc.lastName);
	doc.sex = parseSex(text('sex')).sex;
	doc.nationality = parseNationality(text('nationality')).alpha3;
	const dates = {
		dateOfBirth: [{ value: text('dateOfBirth') }],
		dateOfIssue: [{ value: text('dateOfIssue') }],
		dateOfExpiry: [{ value: text('dateOfExpiry') }],
	};
	const report = applyDates(doc, dates, ctx, text('dateOfExpiry') !== null);
	return { document: doc, checks: inCheckOrder({ ...checks, ...standardChecks(doc, report, ctx) }) };
}

/** Checks in the order of CHECK_NAMES, without empty slots. */
function inCheckOrder(checks: Checks): Checks {
	const ordered: Checks = {};
	for (const name of CHECK_NAMES) if (checks[name]) ordered[name] = checks[name];
	return ordered;
}

/**
 * The Aadhaar number (and VID) on the front against the back: a consistency check for a two-sided read.
 * A masked side (XXXX XXXX 1234) is compared on the last four digits only.
 */
export function compareAadhaarSides(front: CanonicalDocument, back: CanonicalDocument): Check {
	const a = front.personalNumber;
	const b = back.personalNumber;
	if (!a || !b) return check(null, `no Aadhaar number was read on the ${!a ? 'front' : 'back'}`);
	const masked = /X|\*/.test(a) || /X|\*/.test(b);
	const numbersAgree = masked ? a.slice(-4) === b.slice(-4) : a === b;
	const what = masked ? 'the last 4 digits of the Aadhaar number (one side is masked)' : 'the Aadhaar number';
	if (!numbersAgree) return check(false, `front and back disagree on ${what}`);
	const vidFront = front.extras.vid;
	const vidBack = back.extras.vid;
	if (vidFront && vidBack && vidFront !== vidBack) return check(false, `front and back agree on ${what}, but the VID differs`);
	return check(true, `front and back agree on ${what}${vidFront && vidBack ? ' and the VID' : ''}`);
}
