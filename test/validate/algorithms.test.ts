import { verhoeffCheckDigit, verhoeffIsValid } from '../../core/validate/algorithms/verhoeff';
import { luhnCheckDigit, luhnIsValid } from '../../core/validate/algorithms/luhn';
import { icaoCheckDigit, icaoIsValid, icaoValue } from '../../core/validate/algorithms/icao7310';
import { base36Value, descendingWeights, mod11Remainder } from '../../core/validate/algorithms/mod11';
import { adjacentSwaps, randomDigits, seededRandom, singleDigitChanges } from './prng';

describe('Verhoeff', () => {
	it('computes the check digits of the spec examples', () => {
		expect(verhoeffCheckDigit('23412341234')).toBe('6');
		expect(verhoeffCheckDigit('49911866524')).toBe('6');
		expect(verhoeffCheckDigit('234123412341234')).toBe('1');
		expect(verhoeffIsValid('234123412346')).toBe(true);
		expect(verhoeffIsValid('234123412347')).toBe(false);
	});
	it('refuses non-digits', () => {
		expect(() => verhoeffCheckDigit('12a')).toThrow(/digits only/);
		expect(verhoeffIsValid('12a')).toBe(false);
	});
	it('catches every single-digit error and every adjacent swap of random numbers', () => {
		const random = seededRandom(1);
		for (let n = 0; n < 200; n++) {
			const body = randomDigits(random, 5 + Math.floor(random() * 15));
			const number = body + verhoeffCheckDigit(body);
			expect(verhoeffIsValid(number)).toBe(true);
			for (const changed of singleDigitChanges(number)) expect(verhoeffIsValid(changed)).toBe(false);
			for (const { swapped } of adjacentSwaps(number)) expect(verhoeffIsValid(swapped)).toBe(false);
		}
	});
});

describe('Luhn', () => {
	it('computes the check digit of a Swedish personnummer', () => {
		expect(luhnCheckDigit('820821238')).toBe('4');
		expect(luhnIsValid('8208212384')).toBe(true);
		expect(luhnIsValid('8208212385')).toBe(false);
	});
	it('catches every single-digit error and every adjacent swap except 09 ↔ 90', () => {
		const random = seededRandom(2);
		for (let n = 0; n < 200; n++) {
			const body = randomDigits(random, 5 + Math.floor(random() * 15));
			const number = body + luhnCheckDigit(body);
			expect(luhnIsValid(number)).toBe(true);
			for (const changed of singleDigitChanges(number)) expect(luhnIsValid(changed)).toBe(false);
			for (const { swapped, pair } of adjacentSwaps(number)) {
				expect(luhnIsValid(swapped)).toBe(pair === '09' || pair === '90');
			}
		}
	});
});

describe('ICAO 9303 7-3-1', () => {
	it('values digits, letters and the filler', () => {
		expect(icaoValue('7')).toBe(7);
		expect(icaoValue('A')).toBe(10);
		expect(icaoValue('Z')).toBe(35);
		expect(icaoValue('<')).toBe(0);
		expect(() => icaoValue('a')).toThrow(/ICAO/);
	});
	it('recomputes the German and Dutch specimen MRZ check digits', () => {
		expect(icaoCheckDigit('T22000129')).toBe('3');
		expect(icaoCheckDigit('L01X00T47')).toBe('1');
		expect(icaoCheckDigit('SPECI2014')).toBe('2');
		expect(icaoCheckDigit('640812')).toBe('5');
		expect(icaoCheckDigit('201031')).toBe('5');
		expect(icaoIsValid('T220001293')).toBe(true);
		expect(icaoIsValid('T220001294')).toBe(false);
	});
	it('catches every single-digit substitution (weights 7, 3, 1 are prime to 10)', () => {
		const random = seededRandom(3);
		for (let n = 0; n < 200; n++) {
			const body = randomDigits(random, 6 + Math.floor(random() * 10));
			const field = body + icaoCheckDigit(body);
			expect(icaoIsValid(field)).toBe(true);
			for (const changed of singleDigitChanges(field)) expect(icaoIsValid(changed)).toBe(false);
		}
	});
});

describe('mod 11', () => {
	it('values characters in base 36 and builds descending weights', () => {
		expect(base36Value('9')).toBe(9);
		expect(base36Value('K')).toBe(20);
		expect(descendingWeights(4, 2)).toEqual([4, 3, 2]);
	});
	it('computes the German licence sample sum (467 mod 11 = 5)', () => {
		expect(mod11Remainder('B072RRE2I', descendingWeights(9, 1))).toBe(5);
	});
	it('refuses too few characters', () => {
		expect(() => mod11Remainder('12', [3, 2, 1])).toThrow(/needs 3 characters/);
	});
});
