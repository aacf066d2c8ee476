/**
 * Phone numbers as people type them → E.164 (`+6281234567890`), checked locally before any paid call.
 *
 * Same shape as the ID validators: `compact` tidies, `validate` (alias `normalizePhoneNumber`) decides, `isValid`
 * and `format` build on it. Nothing here throws: a number that cannot be made valid gives a Problem that says
 * what was typed, what is wrong or missing, and what the expected form looks like.
 *
 * Readings a person could doubt, decided once:
 * - `+` or `00` starts an international number; its calling code decides the country, even against Country.
 * - Without them, the number is national and needs Country. A leading trunk prefix (0, or 8 in Russia, 1 in
 *   North America) is dropped.
 * - National digits that begin with Country's calling code (`62 812 3456 7890`, the way wa.me links write
 *   numbers) are read as international when only that reading has a valid length. When both readings fit, a
 *   country with a trunk prefix writes its national numbers with it, so the digits are international; a country
 *   without one (Norway, Italy …) writes national numbers bare, so they stay national. A note says which reading won.
 */
import type { Problem } from '../outcome';
import { PHONE_COUNTRIES, phoneCountry, type PhoneCountry } from './countries';

export const name = 'Phone number';

export type PhoneProblemCode = 'INVALID_PHONE_NUMBER' | 'PHONE_COUNTRY_MISSING' | 'PHONE_COUNTRY_UNKNOWN';

export type PhoneNumberResult =
	| {
			ok: true;
			/** `+` and digits: what the vendor expects (its answers and callbacks show `+6284921089722`). */
			e164: string;
			/** ISO alpha-2 of the number; null when its calling code is shared (+1) or not in the table. */
			country: string | null;
			/** Digits only; null when the calling code is not in the table. */
			callingCode: string | null;
			/** The national significant number: the digits after the calling code (no trunk prefix); null as callingCode. */
			national: string | null;
			/** How the number was read, when a person might wonder: a dropped prefix, a Country that disagreed … */
			notes: string[];
	  }
	| { ok: false; problem: Problem };

/** E.164 allows at most 15 digits, calling code included. */
const E164_MAX_DIGITS = 15;
/** Below this no country's numbers go, calling code included (the shortest plans have 4-digit numbers after a 3-digit code). */
const E164_MIN_DIGITS = 7;
/** Longest excerpt of the typed value quoted in a message. */
const MAX_QUOTED = 40;

/** Zero of each decimal-digit block people type numbers in, besides ASCII (NFKC already folds full-width digits). */
const DIGIT_ZEROS = [0x0660 /* Arabic-Indic */, 0x06f0 /* Persian */, 0x0966 /* Devanagari */, 0x09e6 /* Bengali */, 0x0e50 /* Thai */];

function asciiDigits(text: string): string {
	let out = '';
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
		out += zero === undefined ? ch : String(code - zero);
	}
	return out;
}

/** Spaces, dots, dashes of every kind, slashes and brackets: what people put between digit groups. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212/()[\]{}]/g;

/**
 * Separators removed and `00` turned into `+`: `(+62) 812.3456.7893` → `+6281234567893`, `0062 812…` → `+62812…`.
 * The `(0)` some people write after the calling code (`+49 (0)151 …`) goes too. No country is applied here.
 */
export function compact(typed: string): string {
	let s = asciiDigits(String(typed).normalize('NFKC')).trim();
	if (/^[([{\s]*(\+|00)/.test(s)) s = s.replace(/\(\s*0\s*\)/g, '');
	s = s.replace(SEPARATORS, '');
	return s.startsWith('00') ? `+${s.slice(2)}` : s;
}

/** The number in E.164, or a Problem. `country`: ISO alpha-2 or English name; empty means "from the number". */
export function normalizePhoneNumber(typed: unknown, country?: string | null): PhoneNumberResult {
	const text = typeof typed === 'string' ? typed : typeof typed === 'number' && Number.isInteger(typed) ? String(typed) : '';
	const shown = quote(text);
	const countryText = typeof country === 'string' ? country.trim() : '';
	const given = countryText === '' ? null : (phoneCountry(countryText) ?? countryText);
	const sample = exampleCountry(given);

	const s = compact(text);
	if (s === '') {
		return failure('INVALID_PHONE_NUMBER', `No phone number was given: expected e.g. ${examples(sample)}`, 'a phone number', 'nothing');
	}
	const strange = [...new Set(s.replace(/^\+/, '').replace(/\d/g, ''))];
	if (strange.length) {
		return failure(
			'INVALID_PHONE_NUMBER',
			`${shown} contains ${strange.map((c) => `"${c}"`).join(', ')}: a phone number has digits only, with + or 00 in front ` +
				`when it carries its country code (spaces, dots, dashes, slashes and brackets are fine). Expected e.g. ${examples(sample)}`,
			'digits, with + or 00 in front',
			strange.join(''),
		);
	}
	if (s.startsWith('+')) return international(s.slice(1), given, shown);
	return national(s, given, shown);
}

export const validate = normalizePhoneNumber;

export function isValid(typed: unknown, country?: string | null): boolean {
	return normalizePhoneNumber(typed, country).ok;
}

/** `+62 812 3456 7890`: grouped like its country's example when the lengths match; compact() when it is not valid. */
export function format(typed: unknown, country?: string | null): string {
	const result = normalizePhoneNumber(typed, country);
	if (!result.ok) return compact(String(typed ?? ''));
	if (result.callingCode === null || result.national === null) return result.e164;
	const code = result.callingCode;
	const row = PHONE_COUNTRIES.find((c) => c.code === result.country) ?? PHONE_COUNTRIES.find((c) => c.callingCode === code)!;
	return `+${code} ${grouped(result.national, row.example)}`;
}

/** The example country of messages when no Country is set: the vendor's own examples are Indonesian. */
const INDONESIA = phoneCountry('ID')!;

const exampleCountry = (given: PhoneCountry | string | null) => (typeof given === 'object' && given ? given : INDONESIA);

function international(digits: string, given: PhoneCountry | string | null, shown: string): PhoneNumberResult {
	if (digits === '') {
		const message = `${shown} has nothing after the +: expected e.g. ${examples(exampleCountry(given))}`;
		return failure('INVALID_PHONE_NUMBER', message, 'a country code after +', '+');
	}
	if (digits.startsWith('0')) {
		return failure(
			'INVALID_PHONE_NUMBER',
			`${shown}: no country code starts with 0. After + comes the country code, e.g. ${examples(exampleCountry(given))}`,
			'a country code after +',
			`+${digits.slice(0, 3)}…`,
		);
	}
	const group = callingCodeGroup(digits);
	if (!group) return unknownCallingCode(digits, given, shown);

	const code = group[0].callingCode;
	const givenRow = typeof given === 'object' ? given : null;
	const row = givenRow && group.includes(givenRow) ? givenRow : group.length === 1 ? group[0] : null;
	const rules = row ?? group[0];
	const notes: string[] = [];
	const carried = `+${code} (${groupName(group)})`;
	if (givenRow && !group.includes(givenRow)) {
		const set = `Country is ${givenRow.name} (+${givenRow.callingCode})`;
		notes.push(`${set}, but the number carries ${carried}: the number's own country code is used`);
	} else if (typeof given === 'string') {
		notes.push(`Country "${quoteCountry(given)}" is not in the list; the number's own country code ${carried} is used`);
	}
	if (!row) notes.push(`+${code} is shared by ${groupName(group)}: the country is left open`);

	let nsn = digits.slice(code.length);
	const withoutTrunk = dropTrunk(rules, nsn);
	if (withoutTrunk !== nsn) {
		notes.push(`the ${rules.trunkPrefix} after +${code} is dialled only inside the country: left out`);
		nsn = withoutTrunk;
	}
	const withoutObsolete = dropObsolete(rules, nsn);
	if (withoutObsolete !== nsn) {
		notes.push(`the ${rules.obsoletePrefix} after +${code} is no longer part of ${rules.name}'s numbers: left out`);
		nsn = withoutObsolete;
	}
	if (!fits(rules, nsn)) return wrongLength(rules, row ? rules.name : groupName(group), nsn, shown, 'international');
	return { ok: true, e164: `+${code}${nsn}`, country: row?.code ?? null, callingCode: code, national: nsn, notes };
}

function national(digits: string, given: PhoneCountry | string | null, shown: string): PhoneNumberResult {
	if (given === null) {
		const guess = guessInternational(digits);
		const meant = guess && `+${guess.callingCode} ${grouped(digits.slice(guess.callingCode.length), guess.example)}`;
		const hint = guess ? ` (if ${guess.callingCode} is its country code: ${meant})` : '';
		return failure(
			'PHONE_COUNTRY_MISSING',
			`${shown} has no country code and no Country is set: write it with + and the country code, ` +
				`e.g. ${internationalExample(INDONESIA)}, or set Country${hint}`,
			'a country code (+62 …) or a Country',
			'neither',
		);
	}
	if (typeof given === 'string') {
		return failure(
			'PHONE_COUNTRY_UNKNOWN',
			`Country "${quoteCountry(given)}" is not one whose numbers we know: pick one from the list (a two-letter code ` +
				`such as ID or an English name), or write the number with + and its country code, e.g. ${internationalExample(INDONESIA)}`,
			'a country from the list',
			quoteCountry(given),
			'country',
		);
	}
	const row = given;
	const notes: string[] = [];
	let nsn = dropTrunk(row, digits);
	if (nsn === digits && digits.startsWith(row.callingCode)) {
		const rest = digits.slice(row.callingCode.length);
		const restFits = fits(row, dropObsolete(row, rest));
		if (restFits && (!fits(row, digits) || row.trunkPrefix !== '')) {
			const why = `the digits begin with ${row.name}'s country code ${row.callingCode} (write + in front to make it certain)`;
			notes.push(`read as +${row.callingCode} ${rest}: ${why}`);
			nsn = dropObsolete(row, rest);
		}
	}
	if (!fits(row, nsn)) return wrongLength(row, row.name, nsn, shown, 'national');
	return { ok: true, e164: `+${row.callingCode}${nsn}`, country: row.code, callingCode: row.callingCode, national: nsn, notes };
}

/** A calling code missing from the table is not refused: only E.164's own limits are checked, and a note says so. */
function unknownCallingCode(digits: string, given: PhoneCountry | string | null, shown: string): PhoneNumberResult {
	if (digits.length < E164_MIN_DIGITS || digits.length > E164_MAX_DIGITS) {
		return failure(
			'INVALID_PHONE_NUMBER',
			`${shown} has ${digits.length} digits after the +; an international number has ${E164_MIN_DIGITS}–${E164_MAX_DIGITS}, ` +
				`country code included, e.g. ${examples(INDONESIA)}`,
			`${E164_MIN_DIGITS}–${E164_MAX_DIGITS} digits after +`,
			`${digits.length} digits`,
		);
	}
	const unknown = `the country code of +${digits.slice(0, 3)}… is not in the list`;
	const notes = [`${unknown}, so only E.164's limit of ${E164_MAX_DIGITS} digits was checked`];
	if (given !== null) {
		const set = typeof given === 'object' ? `is ${given.name} (+${given.callingCode})` : `"${quoteCountry(given)}" is not in the list`;
		notes.push(`Country ${set}; the number's own country code is used`);
	}
	return { ok: true, e164: `+${digits}`, country: null, callingCode: null, national: null, notes };
}

function wrongLength(row: PhoneCountry, where: string, nsn: string, shown: string, form: 'national' | 'international'): PhoneNumberResult {
	const range = row.minDigits === row.maxDigits ? `${row.minDigits}` : `${row.minDigits}–${row.maxDigits}`;
	const afterTrunk = form === 'national' && row.trunkPrefix !== '';
	const after = afterTrunk ? `after the ${row.trunkPrefix} (or after +${row.callingCode})` : `after +${row.callingCode}`;
	return failure(
		'INVALID_PHONE_NUMBER',
		`${shown}: numbers in ${where} have ${range} digits ${after}, this has ${nsn.length}. Expected e.g. ${examples(row)}`,
		`${range} digits ${after}`,
		`${nsn.length} digits`,
	);
}

/** The rows of the longest calling code the digits begin with (calling codes are prefix-free; +1 and +7 are shared). */
function callingCodeGroup(digits: string): PhoneCountry[] | null {
	for (let length = 3; length >= 1; length--) {
		const group = PHONE_COUNTRIES.filter((c) => c.callingCode === digits.slice(0, length));
		if (group.length) return group;
	}
	return null;
}

/** A country whose code the digits begin with and whose length the rest fits: only for the hint of a message. */
function guessInternational(digits: string): PhoneCountry | null {
	const group = callingCodeGroup(digits);
	if (!group) return null;
	const rest = digits.slice(group[0].callingCode.length);
	return fits(group[0], rest) ? group[0] : null;
}

function fits(row: PhoneCountry, nsn: string): boolean {
	return nsn.length >= row.minDigits && nsn.length <= row.maxDigits;
}

/** In these plans no significant number begins with the trunk prefix, except where `trunkCanLead` says so: there the length decides. */
function dropTrunk(row: PhoneCountry, digits: string): string {
	if (!row.trunkPrefix || !digits.startsWith(row.trunkPrefix)) return digits;
	const rest = digits.slice(row.trunkPrefix.length);
	if (row.trunkCanLead && (fits(row, digits) || !fits(row, rest))) return digits;
	return rest;
}

/** Only when the digits are one too many with it and right without it. */
function dropObsolete(row: PhoneCountry, digits: string): string {
	const prefix = row.obsoletePrefix;
	if (!prefix || !digits.startsWith(prefix) || fits(row, digits)) return digits;
	const rest = digits.slice(prefix.length);
	return fits(row, rest) ? rest : digits;
}

function groupName(group: PhoneCountry[]): string {
	return group.map((c) => c.name).join(' and ');
}

/** The digits grouped like the example (`812 3456 7890`) when they have its length; else as one block. */
function grouped(digits: string, example: string): string {
	const sizes = example.split(' ').map((g) => g.length);
	if (sizes.reduce((a, b) => a + b, 0) !== digits.length) return digits;
	const groups: string[] = [];
	let at = 0;
	for (const size of sizes) {
		groups.push(digits.slice(at, at + size));
		at += size;
	}
	return groups.join(' ');
}

const internationalExample = (row: PhoneCountry) => `+${row.callingCode} ${row.example}`;

/** `+62 812 3456 7890 or 0812 3456 7890`: both forms a person can type for that country. */
function examples(row: PhoneCountry): string {
	return `${internationalExample(row)} or ${row.trunkPrefix}${row.example} with Country ${row.code}`;
}

function quote(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return `"${oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED)}…` : oneLine}"`;
}

function quoteCountry(text: string): string {
	return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

function failure(code: PhoneProblemCode, message: string, limit: string, value: string, input = 'number'): PhoneNumberResult {
	return { ok: false, problem: { code, message, retryable: false, vendorStatus: null, limit, value, input } };
}
