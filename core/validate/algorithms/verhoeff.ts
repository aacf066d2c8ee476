/**
 * Verhoeff's dihedral-group check digit (Aadhaar, Aadhaar VID). Detects every single-digit error and
 * every adjacent transposition.
 */

const D = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
	[2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
	[3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
	[4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
	[5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
	[6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
	[7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
	[8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
	[9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
	[5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
	[8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
	[9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
	[4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
	[2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
	[7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function checksum(digits: string, offset: number): number {
	let c = 0;
	const reversed = [...digits].reverse();
	for (let i = 0; i < reversed.length; i++) c = D[c][P[(i + offset) % 8][Number(reversed[i])]];
	return c;
}

/** The check digit to append to `digits`. */
export function verhoeffCheckDigit(digits: string): string {
	assertDigits(digits);
	return String(INV[checksum(digits, 1)]);
}

/** Whether `digits` (check digit last) passes. */
export function verhoeffIsValid(digits: string): boolean {
	return /^\d+$/.test(digits) && checksum(digits, 0) === 0;
}

function assertDigits(digits: string): void {
	if (!/^\d+$/.test(digits)) throw new Error(`Verhoeff works on digits only, got "${digits}"`);
}
