/**
 * Norway national ID-card document number (PRADO NOR-BO-01002, since 2020).
 *
 * No public description of the format: 9 letters or digits is accepted (lenient). The printed number
 * has no check digit; the MRZ does (ICAO 7-3-1). The holder's fødselsnummer is the primary identifier.
 *
 * Example (specimen answer): `GDC000001`.
 */
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Norwegian ID-card number';

export function compact(value: string): string {
	return cleanId(value);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 9) return invalid(v, 'INVALID_LENGTH', `a Norwegian ID-card number has 9 characters, this has ${v.length}`);
	if (!/^[A-Z0-9]{9}$/.test(v)) return invalid(v, 'INVALID_FORMAT', 'letters and digits only');
	return passed(v, null, 'plausible Norwegian ID-card number (9 letters/digits; the format is not published)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
