/**
 * Ecuador cédula de identidad, 10 digits `PP T NNNNNN C`.
 *
 * Province 01–24 or 30 (registered abroad), third digit 0–5 for natural persons (the strict rule;
 * python-stdnum also admits province 50 and third digit 6 for foreigners), check digit: coefficients
 * 2-1-2-1… over the first nine digits, products above 9 minus 9, check = (10 − s mod 10) mod 10.
 *
 * Examples: `1714307103`, `0926687856` (valid); `1714307104` (checksum), `2514307103` (province 25),
 * `1764307103` (third digit 6).
 */
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'Ecuadorian cédula';

export function compact(value: string): string {
	return cleanId(value);
}

/** The check digit for the first 9 digits. */
export function calcCheckDigit(first9: string): string {
	const v = compact(first9);
	let total = 0;
	for (let i = 0; i < 9; i++) {
		const product = Number(v[i]) * (i % 2 === 0 ? 2 : 1);
		total += product > 9 ? product - 9 : product;
	}
	return String((10 - (total % 10)) % 10);
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a cédula has digits only${lookAlikeHint(v)}`);
	if (v.length !== 10) return invalid(v, 'INVALID_LENGTH', `a cédula has 10 digits, this has ${v.length}`);
	const province = Number(v.slice(0, 2));
	if (!((province >= 1 && province <= 24) || province === 30)) {
		return invalid(v, 'INVALID_COMPONENT', `province ${v.slice(0, 2)} does not exist (01–24, 30)`);
	}
	if (Number(v[2]) > 5) return invalid(v, 'INVALID_COMPONENT', `third digit ${v[2]} is not a natural person's (0–5)`);
	if (calcCheckDigit(v) !== v[9]) return invalid(v, 'INVALID_CHECKSUM', 'the check digit does not match');
	return passed(v, true, 'valid cédula (check digit matches)', { derived: { region: v.slice(0, 2) } });
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
