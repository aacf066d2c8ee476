/**
 * Property-style tests, seeded so they repeat: numbers built with calcCheckDigit pass; single-digit changes
 * and adjacent swaps fail wherever the identifier's algorithm is able to notice them.
 */
import {
	aadhaar,
	aadhaarVid,
	curp,
	ecuadorCedula,
	germanIdCard,
	germanLicence,
	norwayFnr,
	swedishPersonnummer,
	thaiPin,
} from '../../core/validate';
import { adjacentSwaps, randomDigits, seededRandom, singleDigitChanges } from './prng';

const now = new Date('2026-11-21T12:00:00Z');
const RUNS = 150;
const pick = (random: () => number, chars: string) => chars[Math.floor(random() * chars.length)];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function randomDate(random: () => number, fromYear: number, toYear: number) {
	const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
	return { year, month: 1 + Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) };
}

describe('Aadhaar and VID (Verhoeff): every single-digit change and adjacent swap fails', () => {
	it.each([
		['Aadhaar', aadhaar, 12],
		['VID', aadhaarVid, 16],
	] as const)('%s', (_, module, length) => {
		const random = seededRandom(length);
		for (let n = 0; n < RUNS; n++) {
			const body = randomDigits(random, length - 1, '23456789');
			const number = body + module.calcCheckDigit(body);
			if (number === [...number].reverse().join('')) continue;
			expect(module.isValid(number)).toBe(true);
			for (const changed of singleDigitChanges(number)) expect(module.isValid(changed)).toBe(false);
			for (const { swapped } of adjacentSwaps(number)) expect(module.isValid(swapped)).toBe(false);
		}
	});
});

describe('Thai national ID (mod 11, then mod 10)', () => {
	// Two blind spots: the third digit has weight 11 (≡ 0), and remainders 0 and 10 both give check digit 1.
	const remainder = (n: string) => [...n.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (13 - i), 0) % 11;
	const check = (n: string) => (11 - remainder(n)) % 10;
	const blind = (a: string, b: string) => check(a) === check(b);

	it('generated numbers pass; changes fail unless they land on the same check digit', () => {
		const random = seededRandom(13);
		let detected = 0;
		let total = 0;
		for (let n = 0; n < RUNS; n++) {
			const body = randomDigits(random, 12, '12345678');
			const number = body + thaiPin.calcCheckDigit(body);
			expect(thaiPin.isValid(number)).toBe(true);
			const mutations = [
				...singleDigitChanges(number, [...Array(12).keys()]),
				...adjacentSwaps(number, [...Array(11).keys()]).map((s) => s.swapped),
			];
			for (const changed of mutations) {
				const badCategory = changed[0] === '0' || changed[0] === '9';
				const expected = !badCategory && blind(number, changed);
				expect(thaiPin.isValid(changed)).toBe(expected);
				total++;
				if (!expected) detected++;
			}
			for (const changed of singleDigitChanges(number, [12])) expect(thaiPin.isValid(changed)).toBe(false);
		}
		expect(detected / total).toBeGreaterThan(0.85);
	});
});

describe('Ecuadorian cédula (2-1 coefficients, Luhn-like)', () => {
	it('generated numbers pass; every single-digit change fails; every adjacent swap fails except 09 ↔ 90', () => {
		const random = seededRandom(593);
		for (let n = 0; n < RUNS; n++) {
			const body = pad(1 + Math.floor(random() * 24)) + pick(random, '012345') + randomDigits(random, 6);
			const number = body + ecuadorCedula.calcCheckDigit(body);
			expect(ecuadorCedula.isValid(number)).toBe(true);
			for (const changed of singleDigitChanges(number)) expect(ecuadorCedula.isValid(changed)).toBe(false);
			for (const { swapped, pair } of adjacentSwaps(number)) {
				if (pair !== '09' && pair !== '90') expect(ecuadorCedula.isValid(swapped)).toBe(false);
			}
		}
	});
});

describe('Norwegian fødselsnummer (two mod-11 digits)', () => {
	it('generated numbers pass; every single-digit change and adjacent swap fails (K2 catches them, also under the 2032 rule)', () => {
		const random = seededRandom(47);
		let generated = 0;
		for (let n = 0; n < RUNS * 2 && generated < RUNS; n++) {
			const d = randomDate(random, 1900, 1999);
			const body = pad(d.day) + pad(d.month) + pad(d.year % 100) + pad(Math.floor(random() * 500), 3);
			const check = norwayFnr.calcCheckDigit(body);
			if (check === null) continue;
			generated++;
			const number = body + check;
			expect(norwayFnr.validate(number).derived?.dateOfBirth).toBe(`${d.year}-${pad(d.month)}-${pad(d.day)}`);
			for (const changed of singleDigitChanges(number)) expect(norwayFnr.isValid(changed)).toBe(false);
			for (const { swapped } of adjacentSwaps(number)) expect(norwayFnr.isValid(swapped)).toBe(false);
		}
		expect(generated).toBe(RUNS);
	});
});

describe('Swedish personnummer (Luhn)', () => {
	it('generated numbers pass; every single-digit change fails; every adjacent swap fails except 09 ↔ 90', () => {
		const random = seededRandom(46);
		for (let n = 0; n < RUNS; n++) {
			const d = randomDate(random, 1930, 2020);
			const body = pad(d.year % 100) + pad(d.month) + pad(d.day) + randomDigits(random, 3);
			const number = `${body.slice(0, 6)}-${body.slice(6)}${swedishPersonnummer.calcCheckDigit(body)}`;
			expect(swedishPersonnummer.validate(number, { now }).derived?.dateOfBirth).toBe(`${d.year}-${pad(d.month)}-${pad(d.day)}`);
			const digits = number.replace('-', '');
			const withDash = (s: string) => `${s.slice(0, 6)}-${s.slice(6)}`;
			for (const changed of singleDigitChanges(digits)) expect(swedishPersonnummer.isValid(withDash(changed), { now })).toBe(false);
			for (const { swapped, pair } of adjacentSwaps(digits)) {
				if (pair !== '09' && pair !== '90') expect(swedishPersonnummer.isValid(withDash(swapped), { now })).toBe(false);
			}
		}
	});
});

describe('CURP (weights 18..2, mod 10)', () => {
	const LETTERS = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
	const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXYZ';
	it('generated numbers pass; a changed date digit fails unless the weight times the change is a multiple of 10', () => {
		const random = seededRandom(52);
		for (let n = 0; n < RUNS; n++) {
			const d = randomDate(random, 1930, 1999);
			const body =
				pick(random, LETTERS) +
				pick(random, 'AEIOU') +
				pick(random, LETTERS) +
				pick(random, LETTERS) +
				pad(d.year % 100) +
				pad(d.month) +
				pad(d.day) +
				pick(random, 'HM') +
				['DF', 'JC', 'NL', 'NE'][Math.floor(random() * 4)] +
				pick(random, CONSONANTS) +
				pick(random, CONSONANTS) +
				pick(random, CONSONANTS) +
				pick(random, '0123456789');
			if (body.length !== 17) continue;
			const number = body + curp.calcCheckDigit(body);
			expect(curp.validate(number).derived?.dateOfBirth).toBe(`${d.year}-${pad(d.month)}-${pad(d.day)}`);
			for (let i = 4; i <= 9; i++) {
				for (const changed of singleDigitChanges(number, [i])) {
					const stillADate = curp.validate(changed.slice(0, 17) + curp.calcCheckDigit(changed)).valid;
					if (!stillADate) continue;
					const delta = Math.abs(Number(changed[i]) - Number(number[i]));
					expect(curp.isValid(changed)).toBe((delta * (18 - i)) % 10 === 0);
				}
			}
			for (const changed of singleDigitChanges(number, [17])) expect(curp.isValid(changed)).toBe(false);
		}
	});
});

describe('German licence number (weights 9..1, mod 11)', () => {
	const ALNUM = '0123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
	it('generated numbers pass; every digit change and digit swap in characters 1–10 fails', () => {
		const random = seededRandom(49);
		for (let n = 0; n < RUNS; n++) {
			let body = pick(random, ALNUM) + randomDigits(random, 2);
			for (let i = 0; i < 6; i++) body += pick(random, ALNUM);
			const number = body + germanLicence.calcCheckDigit(body) + pick(random, ALNUM);
			expect(germanLicence.isValid(number)).toBe(true);
			for (const changed of singleDigitChanges(number, [...Array(10).keys()])) expect(germanLicence.isValid(changed)).toBe(false);
			const digitSwaps = adjacentSwaps(number, [...Array(8).keys()]).filter((s) => /^\d\d$/.test(s.pair));
			for (const { swapped } of digitSwaps) expect(germanLicence.isValid(swapped)).toBe(false);
		}
	});
});

describe('German ID-card number in its MRZ form (ICAO 7-3-1)', () => {
	const ALPHABET = '0123456789CFGHJKLMNPRTVWXYZ';
	it('generated numbers pass; every single-digit substitution fails', () => {
		const random = seededRandom(276);
		for (let n = 0; n < RUNS; n++) {
			let number = pick(random, 'LMNPRTVWXY');
			for (let i = 0; i < 8; i++) number += pick(random, ALPHABET);
			const mrz = number + germanIdCard.calcCheckDigit(number);
			expect(germanIdCard.validate(mrz)).toMatchObject({ valid: true, checksumValid: true });
			for (const changed of singleDigitChanges(mrz)) expect(germanIdCard.isValid(changed)).toBe(false);
		}
	});
});
