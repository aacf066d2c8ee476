/**
 * Germany Personalausweis document number (Seriennummer), cards issued since November 2010.
 *
 * 9 characters: a 4-character issuing-authority code and 5 random characters, from the digits and the
 * consonants `C F G H J K L M N P R T V W X Y Z` (no vowels, so no `O`); the first is one of
 * `L M N P R T V W X Y`. The number printed on the card has no check digit; the MRZ appends an
 * ICAO 7-3-1 digit, so a 10-character value is read as number + check digit. Letters may stand in
 * positions 1–9 only: the check digit is always a digit, so a letter in 10th place is a format error.
 *
 * Examples: `T22000129` (specimen; MRZ `T220001293`), `L01X00T47` (MRZ `L01X00T471`); `T220001294` (checksum),
 * `T22000129C` (format: a letter where the check digit belongs).
 */
import { icaoCheckDigit, icaoIsValid } from '../algorithms/icao7310';
import { cleanId } from '../clean';
import { invalid, passed, type IdValidation } from '../result';

export const name = 'German ID-card number';

const ALPHABET = /^[0-9CFGHJKLMNPRTVWXYZ]+$/;
const FIRST = 'LMNPRTVWXY';

export function compact(value: string): string {
	return cleanId(value).replace(/<+$/, '');
}

/** The ICAO 7-3-1 check digit the MRZ appends to the 9-character number. */
export function calcCheckDigit(number9: string): string {
	return icaoCheckDigit(compact(number9));
}

export function validate(value: string): IdValidation {
	const v = compact(value);
	if (v.length !== 9 && v.length !== 10) {
		return invalid(v, 'INVALID_LENGTH', `a German ID-card number has 9 characters (10 with the MRZ check digit), this has ${v.length}`);
	}
	const number = v.slice(0, 9);
	if (!ALPHABET.test(number)) {
		const strange = [...new Set(number.replace(/[0-9CFGHJKLMNPRTVWXYZ]/g, ''))].join(', ');
		const slip = strange.includes('O') ? ': O is never used, a 0 may have been read as O' : '';
		return invalid(v, 'INVALID_FORMAT', `${strange} is not in the alphabet (digits and consonants only)${slip}`);
	}
	if (!FIRST.includes(number[0])) {
		return invalid(
			v,
			'INVALID_COMPONENT',
			`an ID card number starts with one of ${FIRST.split('').join(' ')}, this starts with ${number[0]}`,
		);
	}
	if (v.length === 10) {
		if (!/^[0-9]$/.test(v[9])) {
			return invalid(v, 'INVALID_FORMAT', `the 10th character is the MRZ check digit, which is a digit; this is ${v[9]}`);
		}
		if (!icaoIsValid(v)) return invalid(v, 'INVALID_CHECKSUM', 'the MRZ check digit (10th character) does not match');
		return passed(v, true, 'valid German ID-card number (MRZ check digit matches)');
	}
	return passed(v, null, 'valid German ID-card number format (the printed number has no check digit)');
}

export function isValid(value: string): boolean {
	return validate(value).valid;
}
