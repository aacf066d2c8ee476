/**
 * Mexico INE clave de elector (voter key), 18 characters.
 *
 * Six letters from the names, birth date `YYMMDD`, state of birth as two digits (01–32; 87/88 reported for
 * the foreign-born), sex `H`/`M`, three digits whose verifier algorithm is not public: format only.
 * The number carries no century.
 *
 * Examples: `SNAGGR98030506H500`, `GMVLMR80070501M100` (valid); `SNAGGR98130506H500` (month 13).
 */
import { isValidDateInSomeCentury } from '../calendar';
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'INE clave de elector';

export function compact(value: string): string {
	return cleanId(value);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 18) return invalid(v, 'INVALID_LENGTH', `a clave de elector has 18 characters, this has ${v.length}`);
	if (!/^[A-Z]{6}\d{8}[HM]\d{3}$/.test(v))
		return invalid(v, 'INVALID_FORMAT', 'not the clave pattern (6 letters, 8 digits, H/M, 3 digits)');
	const yy = Number(v.slice(6, 8));
	const month = Number(v.slice(8, 10));
	const day = Number(v.slice(10, 12));
	if (!isValidDateInSomeCentury(yy, month, day)) {
		return invalid(v, 'INVALID_COMPONENT', 'the birth date in characters 7–12 is not a calendar date');
	}
	const state = Number(v.slice(12, 14));
	if (!((state >= 1 && state <= 32) || state === 87 || state === 88)) {
		return invalid(v, 'INVALID_COMPONENT', `state ${v.slice(12, 14)} does not exist (01–32, 87, 88)`);
	}
	return passed(v, null, 'valid clave de elector format (its verifier is not public)', {
		derived: { birthYYMMDD: v.slice(6, 12), sex: v[14] === 'H' ? 'M' : 'F', region: v.slice(12, 14) },
	});
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
