/**
 * Colombia cédula de ciudadanía number.
 *
 * A sequential number without check digit, printed with thousands dots (`1.020.304.050`): 6–10 digits,
 * no leading zero. The first cédulas had 1–7 digits: 3–5 digits pass with a "legacy" warning.
 *
 * Examples (format only): `1020304050`, `79123456` (valid); `0123456` (leading zero), `12345678901` (11 digits).
 */
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Colombian cédula';

export function compact(value: string): string {
	return cleanId(value.replace(/,/g, ''));
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a cédula has digits only${lookAlikeHint(v)}`);
	if (v[0] === '0') return invalid(v, 'INVALID_FORMAT', 'a cédula never starts with 0');
	if (v.length > 10 || v.length < 3) return invalid(v, 'INVALID_LENGTH', `a cédula has 6–10 digits, this has ${v.length}`);
	if (v.length < 6) {
		return passed(v, null, 'valid cédula format (no check digit)', {
			derived: { kind: 'legacy' },
			warning: `${v.length} digits: only the first, historic cédulas are that short`,
		});
	}
	return passed(v, null, 'valid cédula format (a cédula has no check digit)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
