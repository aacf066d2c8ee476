/**
 * Indonesia NIK (Nomor Induk Kependudukan), the number on the KTP.
 *
 * 16 digits `PP KK CC DD MM YY SSSS`: province, regency/city, district, day of birth (+40 for women),
 * month, two-digit year, serial (never 0000). No check digit: the region and the date are what can be checked.
 * The century is the most recent one that puts the birth date in the past (docs/normalization.md).
 *
 * Examples: `3171011708450001` (Jakarta, M, 1945-08-17), `3273014505900002` (Kota Bandung, F, 1990-05-05).
 */
import { isValidDate, mostRecentPastYear, toIso } from '../calendar';
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation, type ValidateOptions } from '../result';

export const name = 'Indonesia NIK';

/** Kemendagri province codes (91–96 are the Papua provinces, named differently by older lists). */
const PROVINCES = new Set([
	11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92,
	93, 94, 95, 96,
]);

export function compact(value: string): string {
	return cleanId(value);
}

export function validate(value: string, options: ValidateOptions = {}): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a NIK has digits only${lookAlikeHint(v)}`);
	if (v.length !== 16) return invalid(v, 'INVALID_LENGTH', `a NIK has 16 digits, this has ${v.length}`);
	const province = v.slice(0, 2);
	if (!PROVINCES.has(Number(province))) return invalid(v, 'INVALID_COMPONENT', `province code ${province} does not exist`);
	const dd = Number(v.slice(6, 8));
	const month = Number(v.slice(8, 10));
	const yy = Number(v.slice(10, 12));
	const female = dd > 40;
	const day = female ? dd - 40 : dd;
	const year = mostRecentPastYear(yy, month, day, options.now ?? new Date());
	if (!isValidDate(year, month, day)) {
		return invalid(v, 'INVALID_COMPONENT', 'the birth date in digits 7–12 is not a calendar date');
	}
	if (v.slice(12) === '0000') return invalid(v, 'INVALID_COMPONENT', 'the serial (last 4 digits) is 0000');
	return passed(v, null, 'valid NIK (region and birth date; a NIK has no check digit)', {
		derived: { dateOfBirth: toIso({ year, month, day }), sex: female ? 'F' : 'M', region: province },
	});
}

export function isValid(value: string, options?: ValidateOptions): boolean {
	return validate(value, options).valid;
}
