/**
 * India Aadhaar Virtual ID (VID): a revocable 16-digit stand-in for the Aadhaar number.
 *
 * 16 digits, first digit 2–9, printed in groups of four; the last digit is a Verhoeff check digit
 * (UIDAI VID circular, 11-01-2018).
 *
 * Examples: `2341234123412341`, `9176300123456783` (valid); `2341234123412342` (checksum).
 */
import { verhoeffCheckDigit, verhoeffIsValid } from '../algorithms/verhoeff';
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Aadhaar Virtual ID';

export function compact(value: string): string {
	return cleanId(value);
}

/** The Verhoeff digit for the first 15 digits. */
export function calcCheckDigit(first15: string): string {
	return verhoeffCheckDigit(compact(first15));
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a VID has digits only${lookAlikeHint(v)}`);
	if (v.length !== 16) return invalid(v, 'INVALID_LENGTH', `a VID has 16 digits, this has ${v.length}`);
	if (!/^[2-9]/.test(v)) return invalid(v, 'INVALID_FORMAT', `a VID starts with 2–9, this starts with ${v[0]}`);
	if (!verhoeffIsValid(v)) return invalid(v, 'INVALID_CHECKSUM', 'the Verhoeff check digit does not match');
	return passed(v, true, 'valid VID (Verhoeff check digit matches)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
