/**
 * Norway fødselsnummer / D-number / H-number, 11 digits `DD MM YY III K1 K2`.
 *
 * K1 = 11 − (3d1 7d2 6m1 1m2 8y1 9y2 4i1 5i2 2i3) mod 11 and K2 = 11 − (5 4 3 2 7 6 5 4 3 2 over the first
 * ten digits) mod 11 (11 → 0; 10 → no such number). Numbers issued from 2032 may take K1 so that the K1 sum
 * leaves remainder 0, 1, 2 or 3 (Skatteetaten): both rules are accepted. New-rule numbers encode neither the
 * century nor the sex, so nothing is derived from them. D-numbers add 4 to the first digit (day 41–71),
 * H-numbers add 40 to the month, FH-numbers start with 8 or 9 and carry no birth date.
 * Century (old rule) from the individual number: 000–499 → 19xx, 500–749 with YY ≥ 54 → 18xx,
 * 500–999 with YY < 40 → 20xx, 900–999 with YY ≥ 40 → 19xx. Sex: third individual digit odd = male.
 *
 * Examples: `15108695088` (1986-10-15), `15049020187`, `41018510187` (D-number), `15459030031` (H-number),
 * `30108299939` (official 2032-rule example) (valid); `15108695077` (checksum).
 */
import { isValidDate, isValidDateInSomeCentury, toIso } from '../calendar';
import { cleanId, lookAlikeHint } from '../clean';
import { invalid, passed, type IdDerived, type IdValidation } from '../result';

export const name = 'Norwegian fødselsnummer';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

const weighted = (digits: string, weights: number[]) => weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);

export function compact(value: string): string {
	return cleanId(value);
}

/** The two check digits (pre-2032 rule) for the first 9 digits, or null when no such number can exist. */
export function calcCheckDigit(first9: string): string | null {
	const v = compact(first9);
	const k1 = (11 - (weighted(v, K1_WEIGHTS) % 11)) % 11;
	if (k1 === 10) return null;
	const k2 = (11 - (weighted(v + k1, K2_WEIGHTS) % 11)) % 11;
	if (k2 === 10) return null;
	return `${k1}${k2}`;
}

function century(individual: number, yy: number): number | null {
	if (individual <= 499) return 1900;
	if (individual <= 749 && yy >= 54) return 1800;
	if (yy < 40) return 2000;
	if (individual >= 900) return 1900;
	return null;
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (!/^\d+$/.test(v)) return invalid(v, 'INVALID_FORMAT', `a fødselsnummer has digits only${lookAlikeHint(v)}`);
	if (v.length !== 11) return invalid(v, 'INVALID_LENGTH', `a fødselsnummer has 11 digits, this has ${v.length}`);
	const r1 = (weighted(v, K1_WEIGHTS) + Number(v[9])) % 11;
	const r2 = (weighted(v, K2_WEIGHTS) + Number(v[10])) % 11;
	if (r2 !== 0 || r1 > 3) return invalid(v, 'INVALID_CHECKSUM', 'the check digits (10th and 11th) do not match');
	const newRule = r1 !== 0;

	const first = Number(v[0]);
	if (first >= 8) {
		return passed(v, true, 'valid FH-number (check digits match; it carries no birth date)', { derived: { kind: 'FH-number' } });
	}
	let day = Number(v.slice(0, 2));
	let month = Number(v.slice(2, 4));
	const yy = Number(v.slice(4, 6));
	let kind = 'fødselsnummer';
	if (first >= 4) {
		day -= 40;
		kind = 'D-number';
	}
	if (month > 40) {
		month -= 40;
		kind = 'H-number';
	}
	if (!isValidDateInSomeCentury(yy, month, day)) {
		return invalid(v, 'INVALID_COMPONENT', 'the birth date in digits 1–6 is not a calendar date');
	}
	const birthYYMMDD = `${v.slice(4, 6)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
	const derived: IdDerived = { kind, birthYYMMDD, dateOfBirth: null, sex: null };
	if (newRule) {
		return passed(v, true, `valid ${kind} under the 2032 rule (it encodes neither century nor sex)`, { derived });
	}
	const c = century(Number(v.slice(6, 9)), yy);
	if (c === null || !isValidDate(c + yy, month, day)) {
		return passed(v, true, `valid ${kind}; the individual number gives no century, so the birth date is not derived`, { derived });
	}
	derived.dateOfBirth = toIso({ year: c + yy, month, day });
	derived.sex = Number(v[8]) % 2 === 1 ? 'M' : 'F';
	return passed(v, true, `valid ${kind} (check digits match)`, { derived });
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
