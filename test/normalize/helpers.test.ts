import { ageOverCheck, consistencyCheck, datesPlausibleCheck, notExpiredCheck } from '../../core/normalize/checks';
import { blankDocument } from '../../core/normalize';
import { heightInCm, readFirst, readText } from '../../core/normalize/fields';
import { firstAndRest, splitSurnamesFirst, splitTitle } from '../../core/normalize/names';
import { alpha3Of, parseNationality } from '../../core/normalize/nationality';
import { agreeingSex, parseSex } from '../../core/normalize/sex';
import { COUNTRIES } from '../../core/catalog';

const now = new Date('2026-11-21T12:00:00Z');

describe('sex', () => {
	it.each([
		['M', 'M'],
		['F', 'F'],
		['X', 'X'],
		['MALE', 'M'],
		['FEMALE', 'F'],
		['Female', 'F'],
		['LAKI-LAKI', 'M'],
		['PEREMPUAN', 'F'],
		['HOMBRE', 'M'],
		['MUJER', 'F'],
		['V/F', 'F'],
		['K/F', 'F'],
		['M/M', 'M'],
		['K', 'F'],
		['H', 'M'],
		['TRANSGENDER', 'X'],
		['महिला / FEMALE', 'F'],
		['หญิง', 'F'],
	])('%s → %s', (raw, sex) => expect(parseSex(raw)).toEqual({ sex, recognized: true }));

	it('reads M as female on Mexican cards only', () => {
		expect(parseSex('M', { mexican: true }).sex).toBe('F');
		expect(parseSex('H', { mexican: true }).sex).toBe('M');
		expect(parseSex('M').sex).toBe('M');
	});
	it('gives null for empty values and unreadable ones (marked)', () => {
		expect(parseSex('')).toEqual({ sex: null, recognized: true });
		expect(parseSex(undefined)).toEqual({ sex: null, recognized: true });
		expect(parseSex('Q')).toEqual({ sex: null, recognized: false });
		expect(parseSex('M/F')).toEqual({ sex: null, recognized: false });
	});
	it('agrees across sources or reports a conflict', () => {
		expect(agreeingSex([parseSex('F'), parseSex('PEREMPUAN')])).toEqual({ sex: 'F', conflict: false });
		expect(agreeingSex([parseSex('F'), parseSex('')])).toEqual({ sex: 'F', conflict: false });
		expect(agreeingSex([parseSex('F'), parseSex('M')])).toEqual({ sex: null, conflict: true });
	});
});

describe('nationality', () => {
	it.each([
		['DEUTSCH', 'DEU'],
		['D', 'DEU'],
		['Nederlandse', 'NLD'],
		['Norsk/Norwegian', 'NOR'],
		['SVENSK/SWE', 'SWE'],
		['WNI', 'IDN'],
		['ECUATORIANA', 'ECU'],
		['MEXICANA', 'MEX'],
		['COLOMBIANA', 'COL'],
		['THAI', 'THA'],
		['INDIAN', 'IND'],
		['swe', 'SWE'],
	])('%s → %s', (raw, alpha3) => expect(parseNationality(raw)).toEqual({ alpha3, recognized: true }));

	it('leaves what it cannot map null, and marks it', () => {
		expect(parseNationality('WNA')).toEqual({ alpha3: null, recognized: false });
		expect(parseNationality('SVENSK/NOR')).toEqual({ alpha3: null, recognized: false });
		expect(parseNationality('')).toEqual({ alpha3: null, recognized: true });
	});
	it('knows every catalog country and no other', () => {
		for (const c of COUNTRIES) expect(parseNationality(c.alpha3).alpha3).toBe(c.alpha3);
		expect(alpha3Of('TH')).toBe('THA');
		expect(parseNationality('FRA').alpha3).toBeNull();
	});
});

describe('names', () => {
	it('takes Thai and English titles off', () => {
		expect(splitTitle('น.ส.  พรนภา ยิ่งเภตรา')).toEqual({ title: 'น.ส.', sex: 'F', name: 'พรนภา ยิ่งเภตรา' });
		expect(splitTitle('นาย  อนิรุต ทองรักอยู่')).toEqual({ title: 'นาย', sex: 'M', name: 'อนิรุต ทองรักอยู่' });
		expect(splitTitle('นางสาว สมใจ ดี')).toMatchObject({ title: 'นางสาว', sex: 'F' });
		expect(splitTitle('Miss. Ponnapa')).toEqual({ title: 'Miss.', sex: 'F', name: 'Ponnapa' });
		expect(splitTitle('MR. ANIRUT THONGRAKYU')).toMatchObject({ title: 'MR.', sex: 'M', name: 'ANIRUT THONGRAKYU' });
		expect(splitTitle('Mrs Smith')).toMatchObject({ title: 'Mrs', sex: 'F' });
	});
	it('leaves a name that only starts like a title alone', () => {
		expect(splitTitle('MRINAL SEN')).toEqual({ title: null, sex: null, name: 'MRINAL SEN' });
		expect(splitTitle('Msomething')).toMatchObject({ title: null });
	});
	it('splits first and rest, and surnames-first names only when safe', () => {
		expect(firstAndRest('ANIRUT THONGRAKYU')).toEqual({ first: 'ANIRUT', rest: 'THONGRAKYU' });
		expect(firstAndRest('ANIRUT')).toEqual({ first: 'ANIRUT', rest: null });
		expect(splitSurnamesFirst('JIMENEZ FLORES MARTHA ISABEL')).toEqual({ lastName: 'JIMENEZ FLORES', firstName: 'MARTHA ISABEL' });
		expect(splitSurnamesFirst('JIMENEZ MARTHA ISABEL')).toBeNull();
		expect(splitSurnamesFirst('DEL POZO ANA MARIA')).toBeNull();
	});
});

describe('fields', () => {
	it('reads nested keys, numbers and empty values', () => {
		expect(readText({ card_info: { name: '  A   B ' } }, 'card_info.name')).toBe('A B');
		expect(readText({ n: 42 }, 'n')).toBe('42');
		expect(readText({ n: '' }, 'n')).toBeNull();
		expect(readText({ n: { x: 1 } }, 'n')).toBeNull();
		expect(readText('text', 'n')).toBeNull();
		expect(readFirst({ CardNumber: 'X' }, 'CardId', 'CardNumber')).toBe('X');
	});
	it('reads heights in centimetres or metres', () => {
		expect(heightInCm('179CM')).toBe(179);
		expect(heightInCm('1.72')).toBe(172);
		expect(heightInCm('1,72 m')).toBe(172);
		expect(heightInCm('tall')).toBeNull();
		expect(heightInCm('999')).toBeNull();
	});
});

describe('checks', () => {
	const doc = (over: object) => ({ ...blankDocument('nlIdCard', []), ...over });
	it('notExpired: valid through the expiry day; NONE and LIFETIME pass; nothing read is null', () => {
		expect(
			notExpiredCheck(doc({ dateOfExpiry: '2026-11-21', expiryType: 'DATE', datePrecision: { dateOfExpiry: 'DAY' } }), now).result,
		).toBe(true);
		expect(
			notExpiredCheck(doc({ dateOfExpiry: '2026-11-20', expiryType: 'DATE', datePrecision: { dateOfExpiry: 'DAY' } }), now).result,
		).toBe(false);
		expect(notExpiredCheck(doc({ expiryType: 'NONE' }), now).result).toBe(true);
		expect(notExpiredCheck(doc({ expiryType: 'LIFETIME' }), now).result).toBe(true);
		expect(notExpiredCheck(doc({}), now)).toEqual({ result: null, reason: 'no readable expiry date' });
	});
	it('ageOver: exact on the birthday, null for a birth date in the future', () => {
		expect(ageOverCheck(doc({ dateOfBirth: '2008-11-21' }), now, 18).result).toBe(true);
		expect(ageOverCheck(doc({ dateOfBirth: '2008-11-22' }), now, 18).result).toBe(false);
		expect(ageOverCheck(doc({ dateOfBirth: '2030-01-01' }), now, 18).result).toBeNull();
		expect(ageOverCheck(doc({ yearOfBirth: 2007 }), now, 18).result).toBe(true);
		expect(ageOverCheck(doc({ yearOfBirth: 2009 }), now, 18).result).toBe(false);
	});
	it('datesPlausible: issue before birth, expiry before issue, far future', () => {
		expect(datesPlausibleCheck(doc({ dateOfBirth: '1990-01-01', dateOfIssue: '1980-01-01' }), now)?.reason).toBe(
			'the date of issue is before the date of birth',
		);
		expect(datesPlausibleCheck(doc({ dateOfIssue: '2020-01-01', dateOfExpiry: '2019-01-01' }), now)?.result).toBe(false);
		expect(datesPlausibleCheck(doc({ dateOfExpiry: '2099-01-01' }), now)?.reason).toBe('the expiry date is more than 20 years ahead');
		expect(datesPlausibleCheck(doc({ dateOfBirth: '1880-01-01' }), now)?.result).toBe(false);
		expect(datesPlausibleCheck(doc({}), now)).toBeUndefined();
	});
	it('consistency: any disagreement fails, all unavailable is null', () => {
		expect(
			consistencyCheck([
				{ what: 'a', agree: true },
				{ what: 'b', agree: false },
			]),
		).toEqual({ result: false, reason: 'b: disagree' });
		expect(
			consistencyCheck([
				{ what: 'a', agree: true },
				{ what: 'b', agree: null },
			]),
		).toEqual({ result: true, reason: 'a: agree; b: not available' });
		expect(consistencyCheck([{ what: 'a', agree: null }])).toEqual({ result: null, reason: 'a: not available' });
		expect(consistencyCheck([])).toBeUndefined();
	});
});
