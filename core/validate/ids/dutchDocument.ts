/**
 * Netherlands passport / identity-card document number, 9 characters.
 *
 * Two letters, six letters or digits, one digit; the letter `O` is never used. The number itself has no
 * check digit (the MRZ adds an ICAO 7-3-1 one). The first letter tells the document kind (RvIG table 48).
 *
 * Examples: `SPECI2014` (specimen), `XR1001R58` (valid); `XR1O01R58` (letter O).
 */
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Dutch document number';

export function compact(value: string): string {
	return cleanId(value);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 9) return invalid(v, 'INVALID_LENGTH', `a Dutch document number has 9 characters, this has ${v.length}`);
	if (v.includes('O'))
		return invalid(v, 'INVALID_FORMAT', 'the letter O is never used in Dutch document numbers (a 0 may have been read as O)');
	if (!/^[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]$/.test(v)) {
		return invalid(v, 'INVALID_FORMAT', 'not the document-number pattern (2 letters, 6 letters/digits, 1 digit)');
	}
	return passed(v, null, 'valid Dutch document number format (the number has no check digit)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
