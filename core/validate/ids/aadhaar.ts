/**
 * India Aadhaar number (UIDAI).
 *
 * 12 digits, first digit 2–9, printed `1234 5678 9012`; the last digit is a Verhoeff check digit.
 * Palindromes are rejected (as python-stdnum does). Masked copies (`XXXX XXXX 1234`) keep only the last
 * four digits and cannot be validated.
 *
 * Examples: `234123412346`, `499118665246` (valid); `234123412347` (checksum), `123412341234` (starts with 1).
 */
import { verhoeffCheckDigit, verhoeffIsValid } from '../algorithms/verhoeff';
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Aadhaar number';

export function compact(value: string): string {
	return cleanId(value);
}

/** The Verhoeff digit for the first 11 digits. */
export function calcCheckDigit(first11: string): string {
	return verhoeffCheckDigit(compact(first11));
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (/^[X*]{8}\d{4}$/.test(v)) {
		return {
			value: v,
			valid: false,
			formatValid: true,
			checksumValid: null,
			masked: true,
			message: 'masked Aadhaar: only the last 4 digits are printed, so it cannot be validated',
		};
	}
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `an Aadhaar number has digits only${lookAlikeHint(v)}`);
	if (v.length !== 12) return invalid(v, 'INVALID_LENGTH', `an Aadhaar number has 12 digits, this has ${v.length}`);
	if (!/^[2-9]/.test(v)) return invalid(v, 'INVALID_FORMAT', `an Aadhaar number starts with 2–9, this starts with ${v[0]}`);
	if (v === [...v].reverse().join('')) return invalid(v, 'INVALID_FORMAT', 'an Aadhaar number is never a palindrome');
	if (!verhoeffIsValid(v)) return invalid(v, 'INVALID_CHECKSUM', 'the Verhoeff check digit does not match');
	return passed(v, true, 'valid Aadhaar number (Verhoeff check digit matches)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
