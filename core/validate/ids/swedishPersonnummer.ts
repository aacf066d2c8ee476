/**
 * Sweden personnummer / samordningsnummer.
 *
 * `YYMMDD-NNNC`, `YYMMDD+NNNC` (the `+` from the year the holder turns 100), or `YYYYMMDDNNNC`. C is a Luhn
 * check digit over the ten short digits. Coordination numbers add 60 to the day. Sex: the ninth short
 * digit is odd for men. Century of the short form: the most recent one that puts the birth date in the
 * past, 100 years earlier with `+`.
 *
 * Examples: `820821-2384` (F, 1982-08-21), `880320-0016` (M), `19820821-2384`, `701063-2391`
 * (samordningsnummer, 1970-10-03) (valid); `880320-0018` (checksum).
 */
import { luhnCheckDigit, luhnIsValid } from '../algorithms/luhn';
import { isValidDate, isValidDateInSomeCentury, mostRecentPastYear, toIso } from '../calendar';
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation, type ValidateOptions } from '../result';

export const name = 'Swedish personnummer';

const SHAPE = /^(\d{2})?(\d{6})([-+])(\d{4})$/;

/** Spaces and dots removed; the separator kept (a `+` means 100 years or older) or added before the last four. */
export function compact(value: string): string {
	const v = cleanId(value, '-').replace(/[:]/g, '');
	return /^\d{10}$|^\d{12}$/.test(v) ? `${v.slice(0, -4)}-${v.slice(-4)}` : v;
}

/** The Luhn digit for the nine short digits YYMMDDNNN. */
export function calcCheckDigit(first9: string): string {
	return luhnCheckDigit(cleanId(first9));
}

export function validate(value: string, options: ValidateOptions = {}): IdValidation {
	const v = compact(value);
	const digits = v.replace(/[-+]/g, '');
	if (!/^\d+$/.test(digits)) return invalid(v, 'INVALID_FORMAT', `a personnummer has digits and - or + only${lookAlikeHint(v)}`);
	if (digits.length !== 10 && digits.length !== 12) {
		return invalid(v, 'INVALID_LENGTH', `a personnummer has 10 or 12 digits, this has ${digits.length}`);
	}
	const m = SHAPE.exec(v);
	if (!m) return invalid(v, 'INVALID_FORMAT', 'not YYMMDD-NNNC, YYMMDD+NNNC or YYYYMMDDNNNC');
	const [, centuryDigits, yymmdd, separator, serial] = m;
	const yy = Number(yymmdd.slice(0, 2));
	const month = Number(yymmdd.slice(2, 4));
	let day = Number(yymmdd.slice(4, 6));
	const coordination = day > 60;
	if (coordination) day -= 60;
	if (!isValidDateInSomeCentury(yy, month, day)) {
		return invalid(v, 'INVALID_COMPONENT', 'the birth date in YYMMDD is not a calendar date');
	}
	if (!luhnIsValid(yymmdd + serial)) return invalid(v, 'INVALID_CHECKSUM', 'the Luhn check digit (last digit) does not match');
	let year: number;
	if (centuryDigits) year = Number(centuryDigits) * 100 + yy;
	else {
		year = mostRecentPastYear(yy, month, day, options.now ?? new Date());
		if (separator === '+') year -= 100;
	}
	if (!isValidDate(year, month, day)) return invalid(v, 'INVALID_COMPONENT', `the birth date is not a calendar date in ${year}`);
	const kind = coordination ? 'samordningsnummer' : 'personnummer';
	return passed(v, true, `valid ${kind} (Luhn check digit matches)`, {
		derived: { dateOfBirth: toIso({ year, month, day }), sex: Number(serial[2]) % 2 === 1 ? 'M' : 'F', kind },
	});
}

export function isValid(value: string, options?: ValidateOptions): boolean {
	return validate(value, options).valid;
}
