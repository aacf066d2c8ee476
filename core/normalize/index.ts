/**
 * Normalization of OCR answers: one canonical document and its checks for every OCR operation of the
 * catalog. The client calls normalizeDocument for each recognized document; the GraphQL schema and the
 * README read each normalizer's extras.
 */
import { findOperation } from '../catalog';
import { check } from './checks';
import type { DocumentNormalizer, NormalizeContext, NormalizedDocument } from './normalizer';
import { CHECK_NAMES, type CanonicalDocument, type Check, type Checks, type NormalizeOptions } from './types';
import * as deIdCard from './documents/deIdCard';
import * as nlIdCard from './documents/nlIdCard';
import * as noIdCard from './documents/noIdCard';
import * as seIdCard from './documents/seIdCard';
import * as inAadhaarFront from './documents/inAadhaarFront';
import * as inAadhaarBack from './documents/inAadhaarBack';
import * as inPan from './documents/inPan';
import * as idKtp from './documents/idKtp';
import * as thIdCard from './documents/thIdCard';
import * as mxVoterCard from './documents/mxVoterCard';
import * as coIdCardFront from './documents/coIdCardFront';
import * as coIdCardBack from './documents/coIdCardBack';
import * as deDrivingLicence from './documents/deDrivingLicence';
import * as thDrivingLicence from './documents/thDrivingLicence';
import * as idKtpAccuauth from './documents/idKtpAccuauth';
import * as ecIdCard from './documents/ecIdCard';

export type { DocumentNormalizer, ExtraField, NormalizeContext, NormalizedDocument } from './normalizer';
export { parseDate, parseDateSources, type DateFlag, type DateOptions, type DateRole, type ParsedDate } from './dates';
export { MONTH_TOKENS, monthOf } from './months';
export { parseSex, type Sex, type SexReading } from './sex';
export { parseNationality } from './nationality';
export { blankDocument } from './document';

/** One normalizer per OCR operation, in catalog order. */
export const DOCUMENT_NORMALIZERS: readonly DocumentNormalizer[] = [
	deIdCard,
	nlIdCard,
	noIdCard,
	seIdCard,
	inAadhaarFront,
	inAadhaarBack,
	inPan,
	idKtp,
	thIdCard,
	mxVoterCard,
	coIdCardFront,
	coIdCardBack,
	deDrivingLicence,
	thDrivingLicence,
	idKtpAccuauth,
	ecIdCard,
];

const byOperation = new Map(DOCUMENT_NORMALIZERS.map((n) => [n.operationId, n]));

/** The normalizer of an OCR operation (its extras describe the document-specific fields). */
export function documentNormalizer(operationId: string): DocumentNormalizer {
	const normalizer = byOperation.get(operationId);
	if (normalizer) return normalizer;
	const op = findOperation(operationId);
	throw new Error(op ? `Operation ${operationId} (${op.kind}) reads no document, so it has no normalizer` : `Unknown operation "${operationId}"`);
}

export const DEFAULT_MINIMUM_AGE = 18;

/** The canonical document and its checks for a recognized OCR answer (`data`: the vendor's payload). */
export function normalizeDocument(operationId: string, data: unknown, options: NormalizeOptions = {}): NormalizedDocument {
	const ctx: NormalizeContext = { now: options.now ?? new Date(), minimumAge: options.minimumAge ?? DEFAULT_MINIMUM_AGE };
	const { document, checks } = documentNormalizer(operationId).normalize(data, ctx);
	return { document, checks: inCheckOrder(checks) };
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
