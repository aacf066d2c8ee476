/**
 * Thailand driving-licence number (smart-card licences since 2014).
 *
 * No public specification or check digit; the cards print 8 digits, so 8 digits is the format (lenient).
 * Always validate the holder's 13-digit national ID printed on the same card as well.
 *
 * Examples (format only): `58001234`, `61012345` (valid); `5800123A`.
 */
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Thai driving-licence number';

export function compact(value: string): string {
	return cleanId(value);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a Thai licence number has digits only${lookAlikeHint(v)}`);
	if (v.length !== 8) return invalid(v, 'INVALID_LENGTH', `a Thai licence number has 8 digits, this has ${v.length}`);
	return passed(v, null, 'valid Thai licence number format (no public check digit)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
