/**
 * ICAO Doc 9303 check digit: weights 7, 3, 1 repeating, digits as themselves, A=10 … Z=35, `<` = 0.
 * Used for every MRZ field (German and Norwegian ID-card numbers, Dutch document numbers).
 */

const WEIGHTS = [7, 3, 1];

export function icaoValue(c: string): number {
	if (c === '<') return 0;
	if (/^[0-9]$/.test(c)) return Number(c);
	if (/^[A-Z]$/.test(c)) return c.charCodeAt(0) - 55;
	throw new Error(`"${c}" has no ICAO 9303 value (0-9, A-Z, < only)`);
}

/** The check digit for an MRZ field. */
export function icaoCheckDigit(field: string): string {
	let total = 0;
	for (let i = 0; i < field.length; i++) total += icaoValue(field[i]) * WEIGHTS[i % 3];
	return String(total % 10);
}

/** Whether `field` (check digit last) passes. */
export function icaoIsValid(fieldWithCheck: string): boolean {
	if (!/^[0-9A-Z<]+[0-9]$/.test(fieldWithCheck)) return false;
	return icaoCheckDigit(fieldWithCheck.slice(0, -1)) === fieldWithCheck.slice(-1);
}
