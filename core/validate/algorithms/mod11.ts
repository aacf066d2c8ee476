/** Weighted sums modulo 11: the arithmetic behind the Thai PIN, the Norwegian fødselsnummer and the German licence number. */

/** Digits as themselves, A=10 … Z=35 (German licence numbers mix both). */
export function base36Value(c: string): number {
	if (/^[0-9]$/.test(c)) return Number(c);
	if (/^[A-Z]$/.test(c)) return c.charCodeAt(0) - 55;
	throw new Error(`"${c}" has no base-36 value`);
}

/** Σ value(c_i) × w_i mod 11, over as many characters as there are weights. */
export function mod11Remainder(chars: string, weights: readonly number[]): number {
	if (chars.length < weights.length) throw new Error(`mod 11 needs ${weights.length} characters, got ${chars.length}`);
	let total = 0;
	for (let i = 0; i < weights.length; i++) total += base36Value(chars[i]) * weights[i];
	return total % 11;
}

/** Descending weights from `from` to `to`: descendingWeights(13, 2) → 13, 12, …, 2. */
export function descendingWeights(from: number, to: number): number[] {
	const weights: number[] = [];
	for (let w = from; w >= to; w--) weights.push(w);
	return weights;
}
