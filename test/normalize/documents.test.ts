/** Behaviour of the normalizers beyond the documented samples: conflicts, missing parts, the other Thai card. */
import { getOperation } from '../../core/catalog';
import { normalizeDocument } from '../../core/normalize';

const now = new Date('2026-11-21T12:00:00Z');
const sample = (id: string) => getOperation(id).sample as Record<string, unknown>;

describe('Thai cards: the answer decides the shape', () => {
	it('a licence read through thIdCard becomes a driving licence whose type does not match', () => {
		const { document, checks } = normalizeDocument('thIdCard', sample('thDrivingLicence'), { now });
		expect(document.documentType).toBe('DRIVING_LICENSE');
		expect(document.documentNumber).toBe('61002614');
		expect(document.personalNumber).toBe('1102652247328');
		expect(checks.documentTypeMatches).toEqual({ result: false, reason: 'the vendor read a driving licence; an ID card was asked for' });
		expect(checks.documentNumberFormat?.result).toBe(true);
	});
	it('an ID card read through thDrivingLicence becomes an ID card whose type does not match', () => {
		const { document, checks } = normalizeDocument('thDrivingLicence', sample('thIdCard'), { now });
		expect(document.documentType).toBe('ID_CARD');
		expect(document.documentNumber).toBe('1842356782169');
		expect(checks.documentTypeMatches?.result).toBe(false);
		expect(checks.documentNumberFormat).toBeUndefined();
	});
	it('an answer without a card type keeps the asked shape and cannot check it', () => {
		const { document, checks } = normalizeDocument('thIdCard', { ...sample('thIdCard'), cardTypeEn: '', cardTypeTh: '' }, { now });
		expect(document.documentType).toBe('ID_CARD');
		expect(checks.documentTypeMatches).toEqual({ result: null, reason: 'the answer does not say which Thai card was read' });
	});
	it('the Thai and English dates must agree', () => {
		const { document, checks } = normalizeDocument('thIdCard', { ...sample('thIdCard'), birthEn: '28 Jan. 1997' }, { now });
		expect(document.dateOfBirth).toBeNull();
		expect(document.yearOfBirth).toBeNull();
		expect(checks.datesParsed).toEqual({ result: false, reason: 'dateOfBirth: the printed forms of this date disagree' });
		expect(checks.ageOver?.result).toBeNull();
	});
	it('the Thai and English titles must agree on the sex', () => {
		const { document, checks } = normalizeDocument('thIdCard', { ...sample('thIdCard'), nameEn: 'Mr. Ponnapa' }, { now });
		expect(document.sex).toBeNull();
		expect(checks.consistency?.result).toBe(false);
	});
	it('reads a title glued to a Thai name only when it ends with a dot', () => {
		const { document } = normalizeDocument('thIdCard', { ...sample('thIdCard'), nameTh: 'น.ส.พรนภา ยิ่งเภตรา' }, { now });
		expect(document.firstNameLocal).toBe('พรนภา');
		expect(document.extras.titleLocal).toBe('น.ส.');
	});
	it('a lifetime licence never expires', () => {
		const { document, checks } = normalizeDocument('thDrivingLicence', { ...sample('thDrivingLicence'), expiryDate: 'ตลอดชีพ' }, { now });
		expect(document).toMatchObject({ dateOfExpiry: null, expiryType: 'LIFETIME' });
		expect(checks.notExpired).toEqual({ result: true, reason: 'valid for life' });
	});
});

describe('Ecuador', () => {
	it('the two printed forms of a date must agree', () => {
		const data = { card_side: 'front', card_info: { ...(sample('ecIdCard').card_info as object), birthday_s: '28-07-1993' } };
		const { document, checks } = normalizeDocument('ecIdCard', data, { now });
		expect(document.dateOfBirth).toBeNull();
		expect(checks.datesParsed?.result).toBe(false);
	});
	it('gender and gender_s must agree', () => {
		const data = { card_side: 'front', card_info: { ...(sample('ecIdCard').card_info as object), gender_s: 'M' } };
		const { document, checks } = normalizeDocument('ecIdCard', data, { now });
		expect(document.sex).toBeNull();
		expect(checks.consistency).toEqual({ result: false, reason: 'gender vs gender_s: disagree' });
	});
	it('does not split a name with particles', () => {
		const data = { card_info: { id_number: '1714307103', name: 'DE LA CRUZ MARIA' } };
		const { document, checks } = normalizeDocument('ecIdCard', data, { now });
		expect(document).toMatchObject({ fullName: 'DE LA CRUZ MARIA', firstName: null, lastName: null });
		expect(document.extras.cardSide).toBe('front');
		expect(checks.personalNumberChecksum?.result).toBe(true);
	});
	it('a bad cédula checksum fails', () => {
		const { checks } = normalizeDocument('ecIdCard', { card_side: 'front', card_info: { id_number: '1714307104' } }, { now });
		expect(checks.personalNumberChecksum).toEqual({ result: false, reason: 'cédula number: the check digit does not match' });
	});
});

describe('India', () => {
	it('an Aadhaar with only the year of birth', () => {
		const { document, checks } = normalizeDocument(
			'inAadhaarFront',
			{ ...sample('inAadhaarFront'), DateOfBirth: 'Year of Birth : 1985' },
			{ now },
		);
		expect(document).toMatchObject({ dateOfBirth: null, yearOfBirth: 1985, datePrecision: { dateOfBirth: 'YEAR' } });
		expect(checks.ageOver?.result).toBe(true);
		expect(checks.datesParsed?.result).toBe(true);
	});
	it('an Aadhaar holder born this year minus 18 cannot be decided from the year alone', () => {
		const { checks } = normalizeDocument('inAadhaarFront', { DateOfBirth: '2008' }, { now });
		expect(checks.ageOver).toEqual({ result: null, reason: 'only the year of birth (2008) is known: the holder turns 18 this year' });
	});
	it('a masked Aadhaar cannot be checked', () => {
		const { document, checks } = normalizeDocument('inAadhaarFront', { CardNumber: 'XXXX XXXX 8277' }, { now });
		expect(document.extras.aadhaarMasked).toBe(true);
		expect(checks.personalNumberChecksum?.result).toBeNull();
		expect(checks.personalNumberChecksum?.reason).toMatch(/masked/);
	});
	it('a PAN whose fifth letter is not the surname initial', () => {
		const { checks } = normalizeDocument('inPan', { ...sample('inPan'), Name: 'IRSHAD KHAN' }, { now });
		expect(checks.consistency?.result).toBe(false);
	});
});

describe('Indonesia', () => {
	it('an unreadable date is null, kept raw, and the NIK comparison cannot run', () => {
		const { document, checks } = normalizeDocument('idKtpAccuauth', { ...sample('idKtpAccuauth'), dob: '31-02-1990' }, { now });
		expect(document.dateOfBirth).toBeNull();
		expect(checks.datesParsed).toEqual({ result: false, reason: 'dateOfBirth: 31.2.1990 is not a calendar date' });
		expect(checks.consistency?.reason).toMatch(/NIK date of birth vs printed date of birth: not available/);
		expect(checks.consistency?.result).toBe(true);
	});
	it('gender and gender_s must agree', () => {
		const { document, checks } = normalizeDocument('idKtpAccuauth', { ...sample('idKtpAccuauth'), gender_s: 'M' }, { now });
		expect(document.sex).toBeNull();
		expect(checks.consistency?.reason).toMatch(/gender vs gender_s: disagree/);
	});
	it('an invalid NIK fails its format and skips the comparison', () => {
		const { checks } = normalizeDocument('idKtp', { ...sample('idKtp'), id: '9971011708450001' }, { now });
		expect(checks.personalNumberFormat).toEqual({ result: false, reason: 'NIK: province code 99 does not exist' });
	});
	it('maps WNI to IDN and leaves other values null', () => {
		expect(normalizeDocument('idKtp', { nationnality: 'WNI' }, { now }).document.nationality).toBe('IDN');
		expect(normalizeDocument('idKtp', { nationnality: 'WNA' }, { now }).document.nationality).toBeNull();
	});
});

describe('Sweden and Mexico: numbers against printed fields', () => {
	it('a centenarian: the + of the personnummer gives the century a two-digit printed year cannot', () => {
		const data = { ...sample('seIdCard'), PersonalId: '121212+1212', DateOfBirth: '12 DEC/DEC 12', Sex: 'M/M' };
		const { document, checks } = normalizeDocument('seIdCard', data, { now });
		expect(document.dateOfBirth).toBe('1912-12-12');
		expect(checks.consistency?.result).toBe(true);
		expect(checks.ageOver?.reason).toBe('age 113 is at least 18');
	});
	it('a personnummer of a woman on a card printed M fails consistency', () => {
		const { checks } = normalizeDocument('seIdCard', { ...sample('seIdCard'), Sex: 'M/M' }, { now });
		expect(checks.consistency?.reason).toBe('personnummer sex vs printed sex: disagree');
	});
	it('INE H means male; a female CURP disagrees', () => {
		const { document, checks } = normalizeDocument(
			'mxVoterCard',
			{ ...sample('mxVoterCard'), gender: 'H', birthday: '07/11/1980' },
			{ now },
		);
		expect(document.sex).toBe('M');
		expect(checks.consistency?.reason).toBe('CURP sex vs printed sex: disagree');
	});
	it('INE with matching printed date of birth passes consistency', () => {
		const { checks } = normalizeDocument('mxVoterCard', { ...sample('mxVoterCard'), birthday: '07/11/1980' }, { now });
		expect(checks.consistency?.result).toBe(true);
	});
});

describe('Germany', () => {
	it('reads the licence number from CardNumber when CardId is absent', () => {
		const { document, checks } = normalizeDocument('deDrivingLicence', { CardNumber: 'B072RRE2I55' }, { now });
		expect(document.documentNumber).toBe('B072RRE2I55');
		expect(checks.documentNumberChecksum?.result).toBe(true);
	});
	it('a German ID card has no sex field: sex is null, never X', () => {
		expect(normalizeDocument('deIdCard', { ...sample('deIdCard'), CardNumber: 'L01X00T47' }, { now }).document.sex).toBeNull();
	});
	it('a correct card number passes its format', () => {
		const { checks } = normalizeDocument(
			'deIdCard',
			{ ...sample('deIdCard'), CardNumber: 'L01X00T47', DateOfBirth: '12.08.1964' },
			{ now },
		);
		expect(checks.documentNumberFormat?.result).toBe(true);
		expect(checks.datesPlausible?.result).toBe(true);
	});
	it('a 10-character card number with a letter where the MRZ check digit belongs fails its format', () => {
		const { document, checks } = normalizeDocument('deIdCard', { ...sample('deIdCard'), CardNumber: 'L01X00T47C' }, { now });
		expect(document.documentNumber).toBe('L01X00T47C');
		expect(checks.documentNumberFormat).toEqual({
			result: false,
			reason: 'ID-card number: the 10th character is the MRZ check digit, which is a digit; this is C',
		});
	});
	it('a 10-character card number with its check digit passes its format', () => {
		const { checks } = normalizeDocument('deIdCard', { ...sample('deIdCard'), CardNumber: 'L01X00T471' }, { now });
		expect(checks.documentNumberFormat?.result).toBe(true);
	});
	it.each(['00.00.1964', '00/00/1964', '00-00-1964', '00 00 1964'])('a birth date printed %s keeps its year', (printed) => {
		const { document, checks } = normalizeDocument(
			'deIdCard',
			{ ...sample('deIdCard'), CardNumber: 'L01X00T47', DateOfBirth: printed },
			{ now },
		);
		expect(document).toMatchObject({ dateOfBirth: null, yearOfBirth: 1964, datePrecision: { dateOfBirth: 'YEAR' } });
		expect(checks.datesParsed?.result).toBe(true);
		expect(checks.ageOver).toEqual({ result: true, reason: 'born in 1964: at least 61, so at least 18' });
	});
	it('a birth date with only the day printed as zeros keeps its month and year', () => {
		const { document } = normalizeDocument(
			'deIdCard',
			{ ...sample('deIdCard'), CardNumber: 'L01X00T47', DateOfBirth: '00.08.1964' },
			{ now },
		);
		expect(document).toMatchObject({ dateOfBirth: null, yearOfBirth: 1964, datePrecision: { dateOfBirth: 'MONTH' } });
	});
});
