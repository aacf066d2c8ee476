import type { CountryCode } from './types';

export interface Country {
	code: CountryCode;
	alpha3: string;
	name: string;
}

/** The countries whose documents the vendors read. The only list of them. */
export const COUNTRIES: readonly Country[] = [
	{ code: 'CO', alpha3: 'COL', name: 'Colombia' },
	{ code: 'EC', alpha3: 'ECU', name: 'Ecuador' },
	{ code: 'DE', alpha3: 'DEU', name: 'Germany' },
	{ code: 'IN', alpha3: 'IND', name: 'India' },
	{ code: 'ID', alpha3: 'IDN', name: 'Indonesia' },
	{ code: 'MX', alpha3: 'MEX', name: 'Mexico' },
	{ code: 'NL', alpha3: 'NLD', name: 'Netherlands' },
	{ code: 'NO', alpha3: 'NOR', name: 'Norway' },
	{ code: 'SE', alpha3: 'SWE', name: 'Sweden' },
	{ code: 'TH', alpha3: 'THA', name: 'Thailand' },
];

export function countryByCode(code: string): Country | undefined {
	return COUNTRIES.find((c) => c.code === code);
}
