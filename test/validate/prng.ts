/** A seeded PRNG (mulberry32) so property tests are repeatable. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function randomDigits(random: () => number, length: number, first = '0123456789'): string {
	let out = first[Math.floor(random() * first.length)];
	while (out.length < length) out += String(Math.floor(random() * 10));
	return out;
}

/** Every number that differs from `value` in exactly one digit position (digits only). */
export function singleDigitChanges(value: string, positions: number[] = [...value].map((_, i) => i)): string[] {
	const out: string[] = [];
	for (const i of positions) {
		if (!/\d/.test(value[i])) continue;
		for (let d = 0; d <= 9; d++) if (String(d) !== value[i]) out.push(value.slice(0, i) + d + value.slice(i + 1));
	}
	return out;
}

/** Every adjacent swap of two different characters, with the pair that was swapped. */
export function adjacentSwaps(
	value: string,
	positions: number[] = [...value].map((_, i) => i).slice(0, -1),
): { swapped: string; pair: string }[] {
	const out: { swapped: string; pair: string }[] = [];
	for (const i of positions) {
		if (value[i] === value[i + 1]) continue;
		out.push({ swapped: value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2), pair: value[i] + value[i + 1] });
	}
	return out;
}
