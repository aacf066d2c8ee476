/** Phone numbers as people type them: every format of the WhatsApp issue, the local rejections and the table. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES } from '../../core/catalog/countries';
import {
	FROM_THE_NUMBER,
	PHONE_COUNTRIES,
	compact,
	format,
	isValid,
	normalizePhoneNumber,
	phoneCountry,
	phoneCountryOptions,
	validate,
	type PhoneNumberResult,
} from '../../core/phone';

function ok(result: PhoneNumberResult) {
	if (!result.ok) throw new Error(`expected a number, got ${result.problem.code}: ${result.problem.message}`);
	return result;
}
function problem(result: PhoneNumberResult) {
	if (result.ok) throw new Error(`expected a problem, got ${result.e164}`);
	return result.problem;
}

describe('the formats people type (issue: WhatsApp numbers as people write them)', () => {
	it.each([
		['+62 812 3456 7890', undefined, '+6281234567890'],
		['0812-3456-7891', 'ID', '+6281234567891'],
		['(+62) 812.3456.7893', undefined, '+6281234567893'],
		['0062 812 3456 7894', undefined, '+6281234567894'],
		['+62-812-3456-7895', '', '+6281234567895'],
		['0812/3456/7896', 'ID', '+6281234567896'],
		['0812–3456–7897', 'ID', '+6281234567897'],
		['[0812] 3456 7898', 'id', '+6281234567898'],
		['\t+62\u00a0812 3456 7899 ', 'Indonesia', '+6281234567899'],
		['812 3456 7890', 'ID', '+6281234567890'],
		['+６２ ８１２ ３４５６ ７８９０', undefined, '+6281234567890'],
	])('%s (Country %s) → %s', (typed, country, e164) => {
		const result = ok(normalizePhoneNumber(typed, country));
		expect(result).toEqual({ ok: true, e164, country: 'ID', callingCode: '62', national: e164.slice(3), notes: [] });
	});

	it("reads digits that begin with Country's calling code as international when only that length fits, and says so", () => {
		const result = ok(normalizePhoneNumber('62 812 3456 7890', 'ID'));
		expect(result.e164).toBe('+6281234567890');
		expect(result.notes).toEqual([expect.stringMatching(/^read as \+62 81234567890: the digits begin with Indonesia's country code 62/)]);
	});
	it('reads them as international too when both lengths fit and the country writes national numbers with a trunk 0', () => {
		const result = ok(normalizePhoneNumber('628123456789', 'ID'));
		expect(result.e164).toBe('+628123456789');
		expect(result.notes[0]).toMatch(/^read as \+62/);
	});
	it('keeps them national when both lengths fit and the country has no trunk prefix (Italian mobiles begin with 39…)', () => {
		expect(ok(normalizePhoneNumber('393 123 4567', 'IT'))).toMatchObject({ e164: '+393931234567', notes: [] });
	});
	it('keeps them national when only the national length fits (a Norwegian 8-digit number beginning with 47)', () => {
		expect(ok(normalizePhoneNumber('4712 3456', 'NO'))).toMatchObject({ e164: '+4747123456', notes: [] });
		expect(ok(normalizePhoneNumber('47 412 34 567', 'NO'))).toMatchObject({
			e164: '+4741234567',
			notes: [expect.stringMatching(/read as \+47/)],
		});
	});
	it('refuses digits beginning with a calling code when no Country is set, and shows the + form it may have meant', () => {
		const p = problem(normalizePhoneNumber('62 812 3456 7890'));
		expect(p.code).toBe('PHONE_COUNTRY_MISSING');
		expect(p.message).toContain('(if 62 is its country code: +62 812 3456 7890)');
	});
});

describe('local rejections: what was typed, what is wrong, what is expected', () => {
	it('a national number without Country', () => {
		expect(problem(normalizePhoneNumber('0812-3456-7891'))).toEqual({
			code: 'PHONE_COUNTRY_MISSING',
			message:
				'"0812-3456-7891" has no country code and no Country is set: write it with + and the country code, e.g. +62 812 3456 7890, or set Country',
			retryable: false,
			vendorStatus: null,
			limit: 'a country code (+62 …) or a Country',
			value: 'neither',
			input: 'number',
		});
		expect(problem(normalizePhoneNumber('0812-3456-7891', FROM_THE_NUMBER)).code).toBe('PHONE_COUNTRY_MISSING');
		expect(problem(normalizePhoneNumber('0812-3456-7891', '  ')).code).toBe('PHONE_COUNTRY_MISSING');
	});
	it('too short and too long, with the limit and the value', () => {
		expect(problem(normalizePhoneNumber('+62 812 345'))).toMatchObject({
			code: 'INVALID_PHONE_NUMBER',
			message:
				'"+62 812 345": numbers in Indonesia have 9–12 digits after +62, this has 6. Expected e.g. +62 812 3456 7890 or 0812 3456 7890 with Country ID',
			limit: '9–12 digits after +62',
			value: '6 digits',
		});
		expect(problem(normalizePhoneNumber('+62 812 3456 7890 1234'))).toMatchObject({
			message: expect.stringContaining('numbers in Indonesia have 9–12 digits after +62, this has 15'),
			value: '15 digits',
		});
		expect(problem(normalizePhoneNumber('0812 345', 'ID'))).toMatchObject({
			message: expect.stringContaining('numbers in Indonesia have 9–12 digits after the 0 (or after +62), this has 6'),
			limit: '9–12 digits after the 0 (or after +62)',
		});
		expect(problem(normalizePhoneNumber('98765 4321', 'IN'))).toMatchObject({
			limit: '10 digits after the 0 (or after +91)',
			value: '9 digits',
		});
		expect(problem(normalizePhoneNumber('+47 412 34 5678')).message).toContain('numbers in Norway have 8 digits after +47, this has 9');
	});
	it('letters and signs a phone number does not have, with the national example of the Country', () => {
		expect(problem(normalizePhoneNumber('0812-3456-789O', 'ID'))).toMatchObject({
			code: 'INVALID_PHONE_NUMBER',
			message: expect.stringMatching(
				/^"0812-3456-789O" contains "O": a phone number has digits only.*Expected e\.g\. \+62 812 3456 7890 or 0812 3456 7890/,
			),
			value: 'O',
		});
		expect(problem(normalizePhoneNumber('+66 81 234 5678 ext 12')).value).toBe('ext');
		expect(problem(normalizePhoneNumber('+62 812+3456')).value).toBe('+');
		expect(problem(normalizePhoneNumber('call me')).code).toBe('INVALID_PHONE_NUMBER');
	});
	it.each([[''], ['   '], [null], [undefined], [{}], [12.5]])('nothing usable (%p) is refused, not thrown', (typed) => {
		expect(problem(normalizePhoneNumber(typed))).toMatchObject({
			code: 'INVALID_PHONE_NUMBER',
			message: 'No phone number was given: expected e.g. +62 812 3456 7890 or 0812 3456 7890 with Country ID',
		});
	});
	it('the example follows the Country that was set', () => {
		expect(problem(normalizePhoneNumber('', 'TH')).message).toBe(
			'No phone number was given: expected e.g. +66 81 234 5678 or 081 234 5678 with Country TH',
		);
	});
	it('a lone +, and a 0 where the country code belongs', () => {
		expect(problem(normalizePhoneNumber('+')).message).toMatch(/nothing after the \+/);
		expect(problem(normalizePhoneNumber('+0812 3456 7890'))).toMatchObject({
			code: 'INVALID_PHONE_NUMBER',
			message: expect.stringMatching(/no country code starts with 0/),
		});
	});
	it('a Country that is not in the list, for a national number', () => {
		expect(problem(normalizePhoneNumber('0812 3456 7890', 'Atlantis'))).toMatchObject({
			code: 'PHONE_COUNTRY_UNKNOWN',
			message: expect.stringMatching(/^Country "Atlantis" is not one whose numbers we know/),
			value: 'Atlantis',
			input: 'country',
		});
	});
	it('quotes at most 40 characters of what was typed', () => {
		const p = problem(normalizePhoneNumber(`+62 ${'8'.repeat(500)}`));
		expect(p.message.startsWith(`"+62 ${'8'.repeat(36)}…"`)).toBe(true);
		expect(p.message.length).toBeLessThan(200);
	});
});

describe("the number's own country code against Country", () => {
	it('the number wins, and the result says so', () => {
		const result = ok(normalizePhoneNumber('+62 812 3456 7890', 'TH'));
		expect(result).toMatchObject({ e164: '+6281234567890', country: 'ID', callingCode: '62' });
		expect(result.notes).toEqual([
			"Country is Thailand (+66), but the number carries +62 (Indonesia): the number's own country code is used",
		]);
	});
	it('also with 00, and when Country is not in the list', () => {
		expect(ok(normalizePhoneNumber('0066 81 234 5678', 'Indonesia'))).toMatchObject({ e164: '+66812345678', country: 'TH' });
		expect(ok(normalizePhoneNumber('+66 81 234 5678', 'Atlantis')).notes).toEqual([
			'Country "Atlantis" is not in the list; the number\'s own country code +66 (Thailand) is used',
		]);
	});
	it('a Country that agrees adds no note', () => {
		expect(ok(normalizePhoneNumber('+66 81 234 5678', 'TH')).notes).toEqual([]);
	});
});

describe('prefixes that are dialled but not part of the number', () => {
	it('a trunk 0 after the country code is left out, with a note', () => {
		expect(ok(normalizePhoneNumber('+62 0812 3456 7890'))).toMatchObject({
			e164: '+6281234567890',
			notes: ['the 0 after +62 is dialled only inside the country: left out'],
		});
	});
	it('the (0) written after a country code', () => {
		expect(ok(normalizePhoneNumber('+49 (0)151 2345 6789'))).toMatchObject({ e164: '+4915123456789', country: 'DE', notes: [] });
		expect(ok(normalizePhoneNumber('+31 (0) 6 12345678'))).toMatchObject({ e164: '+31612345678', country: 'NL' });
	});
	it("Russia's trunk 8, which can also begin a number (812 is St Petersburg): the length decides", () => {
		expect(ok(normalizePhoneNumber('8 912 345-67-89', 'RU'))).toMatchObject({ e164: '+79123456789', country: 'RU' });
		expect(ok(normalizePhoneNumber('812 123 45 67', 'RU'))).toMatchObject({ e164: '+78121234567' });
		expect(ok(normalizePhoneNumber('+7 812 123 45 67'))).toMatchObject({ e164: '+78121234567', notes: [] });
		expect(ok(normalizePhoneNumber('+7 8 912 345 67 89')).e164).toBe('+79123456789');
	});
	it('North America: trunk 1, and +1 shared by the United States and Canada', () => {
		expect(ok(normalizePhoneNumber('(201) 555-0123', 'US'))).toMatchObject({ e164: '+12015550123', country: 'US' });
		expect(ok(normalizePhoneNumber('1-201-555-0123', 'US')).e164).toBe('+12015550123');
		expect(ok(normalizePhoneNumber('+1 416 555 0123', 'CA'))).toMatchObject({ country: 'CA', notes: [] });
		expect(ok(normalizePhoneNumber('+1 416 555 0123'))).toMatchObject({
			e164: '+14165550123',
			country: null,
			callingCode: '1',
			notes: ['+1 is shared by Canada and United States: the country is left open'],
		});
	});
	it("Mexico's former mobile 1 after +52", () => {
		expect(ok(normalizePhoneNumber('+52 1 55 1234 5678'))).toMatchObject({
			e164: '+525512345678',
			notes: ["the 1 after +52 is no longer part of Mexico's numbers: left out"],
		});
		expect(ok(normalizePhoneNumber('+52 55 1234 5678')).notes).toEqual([]);
	});
	it('Italy keeps the 0 of its fixed lines: it has no trunk prefix', () => {
		expect(ok(normalizePhoneNumber('06 1234 5678', 'IT')).e164).toBe('+390612345678');
		expect(ok(normalizePhoneNumber('+39 06 1234 5678')).e164).toBe('+390612345678');
	});
});

describe('digits of other scripts', () => {
	it('Thai, Arabic-Indic, Devanagari and Bengali digits', () => {
		expect(ok(normalizePhoneNumber('๐๘๑ ๒๓๔ ๕๖๗๘', 'TH')).e164).toBe('+66812345678');
		expect(ok(normalizePhoneNumber('٠١٠٠ ١٢٣ ٤٥٦٧', 'EG')).e164).toBe('+201001234567');
		expect(ok(normalizePhoneNumber('+९१ ९८७६५ ४३२१०')).e164).toBe('+919876543210');
		expect(ok(normalizePhoneNumber('০১৮১২ ৩৪৫৬৭৮', 'BD')).e164).toBe('+8801812345678');
	});
});

describe('calling codes that are not in the table', () => {
	it("are accepted within E.164's limits, with the country left open and a note", () => {
		expect(ok(normalizePhoneNumber('+54 9 11 1234 5678'))).toMatchObject({
			e164: '+5491112345678',
			country: null,
			callingCode: null,
			national: null,
			notes: ["the country code of +549… is not in the list, so only E.164's limit of 15 digits was checked"],
		});
	});
	it('are refused beyond them', () => {
		expect(problem(normalizePhoneNumber('+54 11 1234 5678 9012'))).toMatchObject({ limit: '7–15 digits after +', value: '16 digits' });
		expect(problem(normalizePhoneNumber('+999 12'))).toMatchObject({ value: '5 digits' });
	});
});

describe("the vendor docs' numbers (the vendor shows numbers as + and digits)", () => {
	it("the answers' and the callback's numbers pass unchanged", () => {
		expect(ok(normalizePhoneNumber('+6284921089722'))).toMatchObject({ e164: '+6284921089722', country: 'ID', notes: [] });
		expect(ok(normalizePhoneNumber('+62813116594289'))).toMatchObject({ e164: '+62813116594289', country: 'ID' });
	});
	it("the request example's bare national digits become E.164 with Country ID", () => {
		expect(ok(normalizePhoneNumber('81387300008', 'ID')).e164).toBe('+6281387300008');
		expect(problem(normalizePhoneNumber('81387300008')).code).toBe('PHONE_COUNTRY_MISSING');
	});
	it('a number typed as a JavaScript number (a spreadsheet column)', () => {
		expect(ok(normalizePhoneNumber(81234567890, 'ID')).e164).toBe('+6281234567890');
	});
});

describe('module shape: compact, validate, isValid, format', () => {
	it('compact tidies without applying a country', () => {
		expect(compact('(+62) 812.3456.7893')).toBe('+6281234567893');
		expect(compact('0062 812 3456 7894')).toBe('+6281234567894');
		expect(compact('0812-3456-7891')).toBe('081234567891');
		expect(compact('+49 (0)151 2345')).toBe('+491512345');
		expect(compact('(0) 151')).toBe('0151');
	});
	it('validate is normalizePhoneNumber; isValid and format build on it', () => {
		expect(validate).toBe(normalizePhoneNumber);
		expect(isValid('0812-3456-7891', 'ID')).toBe(true);
		expect(isValid('0812-3456-7891')).toBe(false);
		expect(format('0812-3456-7891', 'ID')).toBe('+62 812 3456 7891');
		expect(format('+62 8123 4567 8901')).toBe('+62 812345678901');
		expect(format('+54 9 11 1234 5678')).toBe('+5491112345678');
		expect(format('0812-3456')).toBe('08123456');
	});
});

describe('the country table', () => {
	const digitsOf = (example: string) => example.replace(/ /g, '');

	it('has one row per country, in name order', () => {
		expect(new Set(PHONE_COUNTRIES.map((c) => c.code)).size).toBe(PHONE_COUNTRIES.length);
		const names = PHONE_COUNTRIES.map((c) => c.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
	});
	it("covers the product's ten countries, the vendor's named ones and the common WhatsApp countries", () => {
		const wanted = [
			...COUNTRIES.map((c) => c.code),
			'PH',
			'VN',
			'IN',
			'BR',
			'US',
			'CA',
			'GB',
			'MY',
			'SG',
			'PK',
			'BD',
			'NG',
			'KE',
			'EG',
			'SA',
			'AE',
			'TR',
			'RU',
			'ES',
			'FR',
			'IT',
		];
		for (const code of wanted) expect(phoneCountry(code)?.code).toBe(code);
	});
	it('every row is consistent: digits-only codes, a sane range, an example that fits it', () => {
		for (const c of PHONE_COUNTRIES) {
			expect(c.code).toMatch(/^[A-Z]{2}$/);
			expect(c.callingCode).toMatch(/^[1-9]\d{0,2}$/);
			expect(c.minDigits).toBeLessThanOrEqual(c.maxDigits);
			expect(c.callingCode.length + c.maxDigits).toBeLessThanOrEqual(15);
			expect(c.trunkPrefix).toMatch(/^\d?$/);
			expect(digitsOf(c.example)).toMatch(/^\d+$/);
			expect(digitsOf(c.example).length).toBeGreaterThanOrEqual(c.minDigits);
			expect(digitsOf(c.example).length).toBeLessThanOrEqual(c.maxDigits);
		}
	});
	it('rows sharing a calling code share its rules', () => {
		for (const c of PHONE_COUNTRIES) {
			for (const other of PHONE_COUNTRIES.filter((o) => o.callingCode === c.callingCode)) {
				expect([other.minDigits, other.maxDigits, other.trunkPrefix]).toEqual([c.minDigits, c.maxDigits, c.trunkPrefix]);
			}
		}
	});
	it('no calling code is a prefix of another (longest-prefix matching relies on it)', () => {
		const codes = [...new Set(PHONE_COUNTRIES.map((c) => c.callingCode))];
		for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a)).toBe(false);
	});
	it.each(PHONE_COUNTRIES.map((c) => [c.code, c] as const))('%s: its example passes in international and national form', (_, c) => {
		const e164 = `+${c.callingCode}${digitsOf(c.example)}`;
		expect(ok(normalizePhoneNumber(`+${c.callingCode} ${c.example}`, c.code))).toMatchObject({ e164, country: c.code, notes: [] });
		expect(ok(normalizePhoneNumber(`${c.trunkPrefix}${c.example}`, c.code))).toMatchObject({ e164, country: c.code, notes: [] });
		expect(format(e164, c.code)).toBe(`+${c.callingCode} ${c.example}`);
		expect(problem(normalizePhoneNumber(`+${c.callingCode}${'9'.repeat(c.maxDigits + 1)}`, c.code)).code).toBe('INVALID_PHONE_NUMBER');
	});
});

describe('the Country dropdown', () => {
	it('"From the number" first, then every country of the table by name with its calling code', () => {
		const options = phoneCountryOptions();
		expect(options[0]).toEqual({ name: 'From the number', value: FROM_THE_NUMBER });
		expect(options.slice(1).map((o) => o.value)).toEqual(PHONE_COUNTRIES.map((c) => c.code));
		expect(options).toContainEqual({ name: 'Indonesia (+62)', value: 'ID' });
		for (const o of options.slice(1)) expect(phoneCountry(o.value)).toBeDefined();
	});
});

describe('what the phone module may import (it ships inside the n8n package)', () => {
	it('nothing but other core files', () => {
		const dir = join(__dirname, '../../core/phone');
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
			const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
			for (const source of imports) expect(source).toMatch(/^\.\.?\//);
		}
	});
});
