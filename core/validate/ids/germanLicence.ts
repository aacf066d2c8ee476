/**
 * Germany driving-licence number (Führerscheinnummer of card licences), 11 characters.
 *
 * Issuing-authority key (1–4, first character = Land), serial (5–9, base 36), check character (10),
 * issue counter (11). Check: Σ value(c_i) × (10 − i) over characters 1–9 (A=10 … Z=35), mod 11,
 * 10 written `X`.
 *
 * Examples: `B072RRE2I55` (official sample), `J010000HK11` (valid); `B072RRE2I65` (checksum).
 */
import { descendingWeights, mod11Remainder } from '../algorithms/mod11';
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'German driving-licence number';

const WEIGHTS = descendingWeights(9, 1);

export function compact(value: string): string {
	return cleanId(value);
}

/** The check character for the first 9 characters. */
export function calcCheckDigit(first9: string): string {
	const r = mod11Remainder(compact(first9), WEIGHTS);
	return r === 10 ? 'X' : String(r);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 11) return invalid(v, 'INVALID_LENGTH', `a German licence number has 11 characters, this has ${v.length}`);
	if (!/^[A-Z0-9][0-9]{2}[A-Z0-9]{6}[0-9X][A-Z0-9]$/.test(v)) {
		return invalid(
			v,
			'INVALID_FORMAT',
			'not the licence pattern (letter/digit, 2 digits, 6 letters/digits, check digit or X, letter/digit)',
		);
	}
	if (calcCheckDigit(v) !== v[9]) return invalid(v, 'INVALID_CHECKSUM', 'the check character (10th) does not match');
	return passed(v, true, 'valid German licence number (check character matches)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
