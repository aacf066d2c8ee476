/** What most document normalizers do the same way. */
import type { IdValidation } from '../validate/result';
import { ageOverCheck, datesParsedCheck, datesPlausibleCheck, notExpiredCheck } from './checks';
import type { DateReport } from './document';
import type { NormalizeContext } from './normalizer';
import type { CanonicalDocument, Checks } from './types';

/** notExpired, ageOver, datesParsed and datesPlausible, in that order. */
export function standardChecks(doc: CanonicalDocument, report: DateReport, ctx: NormalizeContext, noBirthDate?: string): Checks {
	const checks: Checks = {
		notExpired: notExpiredCheck(doc, ctx.now),
		ageOver: ageOverCheck(doc, ctx.now, ctx.minimumAge, noBirthDate),
	};
	const parsed = datesParsedCheck(report.problems, report.read);
	if (parsed) checks.datesParsed = parsed;
	const plausible = datesPlausibleCheck(doc, ctx.now);
	if (plausible) checks.datesPlausible = plausible;
	return checks;
}

/** Validate a number if there is one; the compacted value goes to the document even when it is invalid. */
export function validated<O>(value: string | null, validate: (v: string, o?: O) => IdValidation, options?: O): IdValidation | null {
	return value === null ? null : validate(value, options);
}
