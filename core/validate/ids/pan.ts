/**
 * India PAN (Permanent Account Number).
 *
 * `AAAPL1234C`: three letters, the holder type (4th), the initial of the surname for individuals or of the
 * entity name (5th), a serial 0001–9999, and a check letter whose algorithm is not public: format only.
 * `E` as holder type appears in third-party lists only: accepted with a warning.
 *
 * Examples: `ACUPA7085R`, `AAPPV8261K` (valid); `ABMXA3211G` (X is no holder type), `ACUPA0000R` (serial 0000).
 */
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'PAN';

const HOLDER_TYPES: Record<string, string> = {
	A: 'association of persons',
	B: 'body of individuals',
	C: 'company',
	F: 'firm / LLP',
	G: 'government agency',
	H: 'Hindu undivided family',
	L: 'local authority',
	J: 'artificial juridical person',
	P: 'individual',
	T: 'trust',
	K: 'krish (trust krish)',
};

export function compact(value: string): string {
	return cleanId(value);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 10) return invalid(v, 'INVALID_LENGTH', `a PAN has 10 characters, this has ${v.length}`);
	if (!/^[A-Z]{5}\d{4}[A-Z]$/.test(v)) {
		return invalid(v, 'INVALID_FORMAT', 'a PAN is 5 letters, 4 digits and a letter');
	}
	const type = v[3];
	if (!HOLDER_TYPES[type] && type !== 'E') return invalid(v, 'INVALID_COMPONENT', `${type} is not a PAN holder type`);
	if (v.slice(5, 9) === '0000') return invalid(v, 'INVALID_COMPONENT', 'the serial (characters 6–9) is 0000');
	const derived = { holderType: `${type}: ${HOLDER_TYPES[type] ?? 'LLP (unofficial)'}`, nameInitial: v[4] };
	return passed(v, null, "valid PAN format (the check letter's algorithm is not public)", {
		derived,
		...(type === 'E' ? { warning: 'holder type E appears only in unofficial lists' } : {}),
	});
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
