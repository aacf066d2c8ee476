/**
 * Sex as the documents print it → M / F / X. Bilingual values (`V/F`, `K/F`, `M/M`) are read
 * half by half and must agree. Mexico prints `H` (hombre) and `M` (mujer): `M` means F there, so the
 * Mexican convention is asked for explicitly.
 */

export type Sex = 'M' | 'F' | 'X';

export interface SexReading {
	sex: Sex | null;
	/** false when there was a value and it could not be read (or its halves disagree). */
	recognized: boolean;
}

const WORDS: Record<string, Sex> = {};
const add = (sex: Sex, words: string) => words.split('|').forEach((w) => (WORDS[w] = sex));
add('M', 'M|MALE|MAN|MANN|MÄNNLICH|LAKI-LAKI|LAKI LAKI|LAKI|L|PRIA|H|HOMBRE|MASCULINO|ชาย|पुरुष');
add('F', 'F|FEMALE|WOMAN|FRAU|W|WEIBLICH|V|VROUW|K|KVINNE|KVINNA|PEREMPUAN|P|WANITA|MUJER|FEMENINO|หญิง|महिला');
add('X', 'X|TRANSGENDER|DIVERS|NON-BINARY|NONBINARY');

export function parseSex(value: unknown, options: { mexican?: boolean } = {}): SexReading {
	if (value === null || value === undefined) return { sex: null, recognized: true };
	const text = String(value).normalize('NFKC').trim().toUpperCase().replace(/\s+/g, ' ');
	if (text === '' || text === '-' || text === '<') return { sex: null, recognized: true };
	const halves = text
		.split('/')
		.map((h) => h.trim())
		.filter(Boolean);
	const read = halves.map((h) => (options.mexican && h === 'M' ? 'F' : WORDS[h.replace(/\.$/, '')]));
	const known = [...new Set(read.filter((s): s is Sex => s !== undefined))];
	if (known.length !== 1) return { sex: null, recognized: false };
	return { sex: known[0], recognized: true };
}

/** Several printed sources of the sex (a word and a letter, a Thai and an English title) must agree. */
export function agreeingSex(readings: SexReading[]): { sex: Sex | null; conflict: boolean } {
	const known = [...new Set(readings.map((r) => r.sex).filter((s): s is Sex => s !== null))];
	if (known.length > 1) return { sex: null, conflict: true };
	return { sex: known[0] ?? null, conflict: false };
}
