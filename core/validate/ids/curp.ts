/**
 * Mexico CURP (Clave Única de Registro de Población), 18 characters.
 *
 * Letters from the names (1–4), birth date `YYMMDD` (5–10), sex `H`/`M`/`X` (11), state of birth (12–13,
 * `NE` = born abroad), internal consonants (14–16), a differentiator that is a digit for births up to 1999
 * and a letter from 2000 (17), and a check digit (18): Σ value(c_i) × (18 − i) over the first 17
 * characters with the 37-character alphabet `0–9 A–N Ñ O–Z`, check = (10 − s mod 10) mod 10 (RENAPO).
 *
 * Examples: `BOXW310820HNERXN09` (M, 1931-08-20, born abroad), `GODE561231HDFNRN05`, `SABC560626MDFLRN01` (F);
 * `BOXW310820HNERXN08` (checksum).
 */
import { isValidDate, toIso } from '../calendar';
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'CURP';

const ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const STATES = 'AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' ');
const SHAPE = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d$/;
const SEX: Record<string, 'M' | 'F' | 'X'> = { H: 'M', M: 'F', X: 'X' };

export function compact(value: string): string {
	return cleanId(value);
}

/** The check digit for the first 17 characters. */
export function calcCheckDigit(first17: string): string {
	const v = compact(first17);
	let total = 0;
	for (let i = 0; i < 17; i++) {
		const n = ALPHABET.indexOf(v[i]);
		if (n < 0) throw new Error(`"${v[i]}" is not a CURP character`);
		total += n * (18 - i);
	}
	return String((10 - (total % 10)) % 10);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 18) return invalid(v, 'INVALID_LENGTH', `a CURP has 18 characters, this has ${v.length}`);
	if (!SHAPE.test(v)) return invalid(v, 'INVALID_FORMAT', 'not the CURP pattern (4 letters, 6 digits, H/M/X, state, 3 consonants, 2 more)');
	const state = v.slice(11, 13);
	if (!STATES.includes(state)) return invalid(v, 'INVALID_COMPONENT', `${state} is not a CURP state code`);
	const year = (/\d/.test(v[16]) ? 1900 : 2000) + Number(v.slice(4, 6));
	const month = Number(v.slice(6, 8));
	const day = Number(v.slice(8, 10));
	if (!isValidDate(year, month, day)) return invalid(v, 'INVALID_COMPONENT', 'the birth date in characters 5–10 is not a calendar date');
	if (calcCheckDigit(v) !== v[17]) return invalid(v, 'INVALID_CHECKSUM', 'the check digit (18th character) does not match');
	return passed(v, true, 'valid CURP (check digit matches)', {
		derived: { dateOfBirth: toIso({ year, month, day }), birthYYMMDD: v.slice(4, 10), sex: SEX[v[10]], region: state },
	});
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
