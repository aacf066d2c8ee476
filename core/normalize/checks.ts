/** The checks every document shares: ID numbers, expiry, age, dates read, dates plausible, consistency. */
import type { IdValidation } from '../validate/result';
import { ageOn, compareYmd, fromIso, today } from '../validate/calendar';
import type { CanonicalDocument, Check, CheckName, Checks } from './types';

export const check = (result: boolean | null, reason: string): Check => ({ result, reason });

/**
 * Format (and, where the identifier has one, checksum) of a number on the document. A missing number is
 * null, never a pass.
 */
export function idChecks(format: CheckName, checksum: CheckName | null, validation: IdValidation | null, label: string): Checks {
	const checks: Checks = {};
	if (!validation) {
		checks[format] = check(null, `no ${label} was read`);
		if (checksum) checks[checksum] = check(null, `no ${label} was read`);
		return checks;
	}
	const warning = validation.warning ? ` (warning: ${validation.warning})` : '';
	checks[format] = check(validation.formatValid, `${label}: ${validation.formatValid ? 'format valid' : validation.message}${warning}`);
	if (checksum) {
		const reason =
			validation.checksumValid === null
				? validation.formatValid
					? validation.message
					: 'not checked: the format is invalid'
				: validation.checksumValid
					? 'check digit matches'
					: validation.message;
		checks[checksum] = check(validation.checksumValid, `${label}: ${reason}`);
	}
	return checks;
}

/** Valid on the check's clock through the whole expiry day (UTC); a document without expiry passes. */
export function notExpiredCheck(doc: CanonicalDocument, now: Date): Check {
	if (doc.expiryType === 'NONE') return check(true, 'this document has no expiry date');
	if (doc.expiryType === 'LIFETIME') return check(true, 'valid for life');
	if (!doc.dateOfExpiry) return check(null, 'no readable expiry date');
	const precision =
		doc.datePrecision.dateOfExpiry === 'DAY'
			? ''
			: ` (only the ${doc.datePrecision.dateOfExpiry?.toLowerCase()} is printed; read as its last day)`;
	const expired = compareYmd(fromIso(doc.dateOfExpiry), today(now)) < 0;
	return expired ? check(false, `expired on ${doc.dateOfExpiry}${precision}`) : check(true, `valid until ${doc.dateOfExpiry}${precision}`);
}

/** At least `minimumAge` on the check's clock; a year of birth alone decides only when the birthday cannot matter. */
export function ageOverCheck(doc: CanonicalDocument, now: Date, minimumAge: number, missing = 'no date of birth was read'): Check {
	const t = today(now);
	if (doc.dateOfBirth) {
		const birth = fromIso(doc.dateOfBirth);
		if (compareYmd(birth, t) > 0) return check(null, 'the date of birth is after today, so no age can be computed');
		const age = ageOn(birth, now);
		return check(age >= minimumAge, `age ${age} is ${age >= minimumAge ? 'at least' : 'under'} ${minimumAge}`);
	}
	if (doc.yearOfBirth !== null) {
		const oldest = t.year - doc.yearOfBirth;
		if (oldest - 1 >= minimumAge) return check(true, `born in ${doc.yearOfBirth}: at least ${oldest - 1}, so at least ${minimumAge}`);
		if (oldest < minimumAge) return check(false, `born in ${doc.yearOfBirth}: at most ${oldest}, under ${minimumAge}`);
		return check(null, `only the year of birth (${doc.yearOfBirth}) is known: the holder turns ${minimumAge} this year`);
	}
	return check(null, missing);
}

/** Every date value the vendor returned was read (partial and valid-for-life values count as read). */
export function datesParsedCheck(problems: string[], readCount: number): Check | undefined {
	if (problems.length) return check(false, problems.join('; '));
	if (readCount === 0) return undefined;
	return check(true, `${readCount} date value${readCount === 1 ? '' : 's'} read`);
}

const MAX_AGE = 130;
const MAX_VALIDITY_YEARS = 20;

/** Birth and issue not in the future, issue on or after birth, expiry after issue and not absurdly far ahead. */
export function datesPlausibleCheck(doc: CanonicalDocument, now: Date): Check | undefined {
	const t = today(now);
	const birth = doc.dateOfBirth ? fromIso(doc.dateOfBirth) : null;
	const issue = doc.dateOfIssue ? fromIso(doc.dateOfIssue) : null;
	const expiry = doc.dateOfExpiry ? fromIso(doc.dateOfExpiry) : null;
	if (!birth && !issue && !expiry) return undefined;
	const problems: string[] = [];
	if (birth && compareYmd(birth, t) > 0) problems.push('the date of birth is in the future');
	if (birth && t.year - birth.year > MAX_AGE) problems.push(`the date of birth is more than ${MAX_AGE} years ago`);
	if (issue && compareYmd(issue, t) > 0) problems.push('the date of issue is in the future');
	if (birth && issue && compareYmd(issue, birth) < 0) problems.push('the date of issue is before the date of birth');
	if (issue && expiry && compareYmd(expiry, issue) <= 0) problems.push('the expiry date is not after the date of issue');
	if (birth && expiry && compareYmd(expiry, birth) <= 0) problems.push('the expiry date is not after the date of birth');
	if (expiry && compareYmd(expiry, { ...t, year: t.year + MAX_VALIDITY_YEARS }) > 0) {
		problems.push(`the expiry date is more than ${MAX_VALIDITY_YEARS} years ahead`);
	}
	return problems.length ? check(false, problems.join('; ')) : check(true, 'the dates fit together');
}

/** One comparison between two sources on the document. */
export interface Comparison {
	/** What was compared, in words: "NIK date of birth vs printed date of birth". */
	what: string;
	/** true agree, false disagree, null one side missing. */
	agree: boolean | null;
}

/** false if any comparison disagrees; true if at least one agrees; null if none could run. */
export function consistencyCheck(comparisons: Comparison[]): Check | undefined {
	if (comparisons.length === 0) return undefined;
	const failed = comparisons.filter((c) => c.agree === false);
	if (failed.length) return check(false, failed.map((c) => `${c.what}: disagree`).join('; '));
	const ran = comparisons.filter((c) => c.agree === true);
	if (ran.length) {
		const skipped = comparisons.filter((c) => c.agree === null).map((c) => `${c.what}: not available`);
		return check(true, [...ran.map((c) => `${c.what}: agree`), ...skipped].join('; '));
	}
	return check(null, comparisons.map((c) => `${c.what}: not available`).join('; '));
}

/** Compare two values where either may be missing. */
export function compare(what: string, a: string | null | undefined, b: string | null | undefined): Comparison {
	if (!a || !b) return { what, agree: null };
	return { what, agree: a === b };
}

/** Compare a full ISO date with a YYMMDD that has no century (INE clave, 2032-rule fødselsnummer). */
export function compareYYMMDD(what: string, iso: string | null | undefined, yymmdd: string | null | undefined): Comparison {
	if (!iso || !yymmdd) return { what, agree: null };
	return { what, agree: iso.slice(2).replace(/-/g, '') === yymmdd };
}
