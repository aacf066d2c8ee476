/**
 * Countries whose phone numbers are checked locally: calling code, length of the national significant number
 * (the digits after the calling code) and trunk prefix. The lengths are ITU-T E.164 national number lengths as
 * each country's numbering plan publishes them, fixed lines and mobiles together. One row per country; the
 * n8n Country dropdown and a GraphQL enum are both built from this list.
 */

export interface PhoneCountry {
	/** ISO 3166-1 alpha-2. */
	code: string;
	/** English name. */
	name: string;
	/** Country calling code, digits only. +1 and +7 are shared by several countries. */
	callingCode: string;
	/** Fewest and most digits after the calling code. */
	minDigits: number;
	maxDigits: number;
	/** Dialled before a national number inside the country, never from abroad ('' when the plan has none). */
	trunkPrefix: string;
	/** A significant number may itself begin with the trunk prefix (Russia: 812 is St Petersburg), so the length decides. */
	trunkCanLead?: true;
	/** A prefix some people still type after the calling code although the plan dropped it (Mexico's mobile 1, gone since 2019). */
	obsoletePrefix?: string;
	/** A typical mobile number after the calling code, grouped as people write it: the example in messages. */
	example: string;
}

// prettier-ignore
export const PHONE_COUNTRIES: readonly PhoneCountry[] = [
	{ code: 'BD', name: 'Bangladesh', callingCode: '880', minDigits: 8, maxDigits: 10, trunkPrefix: '0', example: '1812 345678' },
	{ code: 'BR', name: 'Brazil', callingCode: '55', minDigits: 10, maxDigits: 11, trunkPrefix: '0', example: '11 91234 5678' },
	{ code: 'CA', name: 'Canada', callingCode: '1', minDigits: 10, maxDigits: 10, trunkPrefix: '1', example: '416 555 0123' },
	{ code: 'CO', name: 'Colombia', callingCode: '57', minDigits: 10, maxDigits: 10, trunkPrefix: '', example: '300 123 4567' },
	{ code: 'EC', name: 'Ecuador', callingCode: '593', minDigits: 8, maxDigits: 9, trunkPrefix: '0', example: '99 123 4567' },
	{ code: 'EG', name: 'Egypt', callingCode: '20', minDigits: 9, maxDigits: 10, trunkPrefix: '0', example: '100 123 4567' },
	{ code: 'FR', name: 'France', callingCode: '33', minDigits: 9, maxDigits: 9, trunkPrefix: '0', example: '6 12 34 56 78' },
	{ code: 'DE', name: 'Germany', callingCode: '49', minDigits: 6, maxDigits: 13, trunkPrefix: '0', example: '1512 3456789' },
	{ code: 'IN', name: 'India', callingCode: '91', minDigits: 10, maxDigits: 10, trunkPrefix: '0', example: '98765 43210' },
	{ code: 'ID', name: 'Indonesia', callingCode: '62', minDigits: 9, maxDigits: 12, trunkPrefix: '0', example: '812 3456 7890' },
	{ code: 'IT', name: 'Italy', callingCode: '39', minDigits: 6, maxDigits: 11, trunkPrefix: '', example: '312 345 6789' },
	{ code: 'KE', name: 'Kenya', callingCode: '254', minDigits: 9, maxDigits: 9, trunkPrefix: '0', example: '712 345678' },
	{ code: 'MY', name: 'Malaysia', callingCode: '60', minDigits: 8, maxDigits: 10, trunkPrefix: '0', example: '12 345 6789' },
	{ code: 'MX', name: 'Mexico', callingCode: '52', minDigits: 10, maxDigits: 10, trunkPrefix: '', obsoletePrefix: '1', example: '55 1234 5678' },
	{ code: 'NL', name: 'Netherlands', callingCode: '31', minDigits: 9, maxDigits: 9, trunkPrefix: '0', example: '6 12345678' },
	{ code: 'NG', name: 'Nigeria', callingCode: '234', minDigits: 8, maxDigits: 10, trunkPrefix: '0', example: '802 123 4567' },
	{ code: 'NO', name: 'Norway', callingCode: '47', minDigits: 8, maxDigits: 8, trunkPrefix: '', example: '412 34 567' },
	{ code: 'PK', name: 'Pakistan', callingCode: '92', minDigits: 9, maxDigits: 10, trunkPrefix: '0', example: '301 2345678' },
	{ code: 'PH', name: 'Philippines', callingCode: '63', minDigits: 8, maxDigits: 10, trunkPrefix: '0', example: '917 123 4567' },
	{ code: 'RU', name: 'Russia', callingCode: '7', minDigits: 10, maxDigits: 10, trunkPrefix: '8', trunkCanLead: true, example: '912 345 67 89' },
	{ code: 'SA', name: 'Saudi Arabia', callingCode: '966', minDigits: 9, maxDigits: 9, trunkPrefix: '0', example: '51 234 5678' },
	{ code: 'SG', name: 'Singapore', callingCode: '65', minDigits: 8, maxDigits: 8, trunkPrefix: '', example: '8123 4567' },
	{ code: 'ES', name: 'Spain', callingCode: '34', minDigits: 9, maxDigits: 9, trunkPrefix: '', example: '612 34 56 78' },
	{ code: 'SE', name: 'Sweden', callingCode: '46', minDigits: 7, maxDigits: 9, trunkPrefix: '0', example: '70 123 45 67' },
	{ code: 'TH', name: 'Thailand', callingCode: '66', minDigits: 8, maxDigits: 9, trunkPrefix: '0', example: '81 234 5678' },
	{ code: 'TR', name: 'Turkey', callingCode: '90', minDigits: 10, maxDigits: 10, trunkPrefix: '0', example: '501 234 56 78' },
	{ code: 'AE', name: 'United Arab Emirates', callingCode: '971', minDigits: 8, maxDigits: 9, trunkPrefix: '0', example: '50 123 4567' },
	{ code: 'GB', name: 'United Kingdom', callingCode: '44', minDigits: 9, maxDigits: 10, trunkPrefix: '0', example: '7400 123456' },
	{ code: 'US', name: 'United States', callingCode: '1', minDigits: 10, maxDigits: 10, trunkPrefix: '1', example: '201 555 0123' },
	{ code: 'VN', name: 'Vietnam', callingCode: '84', minDigits: 9, maxDigits: 10, trunkPrefix: '0', example: '91 234 56 78' },
];

/** The row of an alpha-2 code or an English name, either case; undefined when the list has no such country. */
export function phoneCountry(codeOrName: string): PhoneCountry | undefined {
	const wanted = codeOrName.trim().toUpperCase();
	return PHONE_COUNTRIES.find((c) => c.code === wanted || c.name.toUpperCase() === wanted);
}

/** The value of the "from the number" choice: no Country, the number's own calling code decides. */
export const FROM_THE_NUMBER = '';

/**
 * Choices for a Country dropdown: "From the number" first, then every country by name with its calling code.
 * `value` is the alpha-2 code the core takes (FROM_THE_NUMBER for the first).
 */
export function phoneCountryOptions(): { name: string; value: string }[] {
	return [
		{ name: 'From the number', value: FROM_THE_NUMBER },
		...PHONE_COUNTRIES.map((c) => ({ name: `${c.name} (+${c.callingCode})`, value: c.code })),
	];
}
