/** Luhn mod 10 (Swedish personnummer): catches every single-digit error and most adjacent swaps (not 09↔90). */

function sum(digits: string, doubleFirstFromRight: boolean): number {
	let total = 0;
	const reversed = [...digits].reverse();
	for (let i = 0; i < reversed.length; i++) {
		let d = Number(reversed[i]);
		if ((i % 2 === 0) === doubleFirstFromRight) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		total += d;
	}
	return total;
}

/** The check digit to append to `digits`. */
export function luhnCheckDigit(digits: string): string {
	if (!/^\d+$/.test(digits)) throw new Error(`Luhn works on digits only, got "${digits}"`);
	return String((10 - (sum(digits, true) % 10)) % 10);
}

/** Whether `digits` (check digit last) passes. */
export function luhnIsValid(digits: string): boolean {
	return /^\d+$/.test(digits) && sum(digits, false) % 10 === 0;
}
