/**
 * Thailand national ID number (PIN, เลขประจำตัวประชาชน).
 *
 * 13 digits, printed `1 2345 67890 12 3`; first digit 1–8 is the person category; the last digit is
 * (11 − Σ d_i × (14 − i) mod 11) mod 10 over the first 12 digits.
 *
 * Examples: `1101700207030`, `3100600445635`, `1234545678781` (valid); `1101700230705`, `1234545678789` (checksum).
 */
import { descendingWeights, mod11Remainder } from '../algorithms/mod11';
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Thai national ID number';

const WEIGHTS = descendingWeights(13, 2);

export function compact(value: string): string {
	return cleanId(value);
}

/** The check digit for the first 12 digits. */
export function calcCheckDigit(first12: string): string {
	return String((11 - mod11Remainder(compact(first12), WEIGHTS)) % 10);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a Thai ID number has digits only${lookAlikeHint(v)}`);
	if (v.length !== 13) return invalid(v, 'INVALID_LENGTH', `a Thai ID number has 13 digits, this has ${v.length}`);
	if (v[0] === '0' || v[0] === '9') return invalid(v, 'INVALID_COMPONENT', `person category ${v[0]} does not exist (1–8)`);
	if (calcCheckDigit(v.slice(0, 12)) !== v[12]) return invalid(v, 'INVALID_CHECKSUM', 'the mod-11 check digit does not match');
	return passed(v, true, 'valid Thai ID number (check digit matches)', { derived: { kind: `category ${v[0]}` } });
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
