/**
 * Nationality words → ISO 3166-1 alpha-3, for the countries of the catalog (its COUNTRIES is the only list
 * of them; this file only knows how each one's nationality is written on its own documents).
 */
import { COUNTRIES } from '../catalog/countries';
import type { CountryCode } from '../catalog/types';

/** Demonyms and codes as printed, upper-case. German MRZs write `D`. */
const WORDS: Record<CountryCode, string[]> = {
	CO: ['COLOMBIANA', 'COLOMBIANO', 'COLOMBIAN'],
	DE: ['DEUTSCH', 'DEUTSCHE', 'DEUTSCHER', 'GERMAN', 'D'],
	EC: ['ECUATORIANA', 'ECUATORIANO', 'ECUADORIAN'],
	ID: ['WNI', 'INDONESIA', 'INDONESIAN', 'WARGA NEGARA INDONESIA'],
	IN: ['INDIAN', 'BHARATIYA'],
	MX: ['MEXICANA', 'MEXICANO', 'MEXICAN'],
	NL: ['NEDERLANDSE', 'NEDERLANDS', 'DUTCH'],
	NO: ['NORSK', 'NORWEGIAN'],
	SE: ['SVENSK', 'SVENSKA', 'SWEDISH'],
	TH: ['THAI', 'ไทย'],
};

const BY_WORD = new Map<string, string>();
for (const country of COUNTRIES) {
	for (const word of [...WORDS[country.code], country.alpha3, country.name.toUpperCase()]) BY_WORD.set(word, country.alpha3);
}

export interface NationalityReading {
	alpha3: string | null;
	/** false when there was a value and it is not a nationality we can map (WNA, another country …). */
	recognized: boolean;
}

/** `Norsk/Norwegian`, `SVENSK/SWE`: every readable half must name the same country. */
export function parseNationality(value: unknown): NationalityReading {
	if (value === null || value === undefined) return { alpha3: null, recognized: true };
	const text = String(value).normalize('NFKC').trim().toUpperCase().replace(/\s+/g, ' ');
	if (text === '') return { alpha3: null, recognized: true };
	const found = [
		...new Set(
			text
				.split('/')
				.map((h) => BY_WORD.get(h.trim()))
				.filter((c): c is string => !!c),
		),
	];
	if (found.length !== 1) return { alpha3: null, recognized: false };
	return { alpha3: found[0], recognized: true };
}

/** The alpha-3 code of a catalog country. */
export function alpha3Of(code: CountryCode): string {
	const country = COUNTRIES.find((c) => c.code === code);
	if (!country) throw new Error(`Country ${code} is not in the catalog's COUNTRIES`);
	return country.alpha3;
}
