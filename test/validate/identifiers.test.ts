/** Valid and invalid test vectors per identifier (docs/normalization.md, "ID numbers"), one describe each. */
import {
	aadhaar,
	aadhaarVid,
	colombiaCedula,
	curp,
	dutchDocument,
	ecuadorCedula,
	germanIdCard,
	germanLicence,
	ineClave,
	nik,
	norwayFnr,
	norwayIdDocument,
	pan,
	swedishPersonnummer,
	thaiLicence,
	thaiPin,
} from '../../core/validate';
import * as validators from '../../core/validate';

/** Every identifier module the package exports. */
const IDENTIFIERS = Object.entries(validators) as [string, validators.IdentifierModule][];

const now = new Date('2026-11-21T12:00:00Z');

describe('every identifier module', () => {
	it.each(IDENTIFIERS)('%s has the uniform shape', (_, module) => {
		expect(typeof module.name).toBe('string');
		expect(typeof module.compact).toBe('function');
		expect(typeof module.validate).toBe('function');
		expect(typeof module.isValid).toBe('function');
		const result = module.validate('');
		expect(result.valid).toBe(false);
		expect(result.error).toBeDefined();
		expect(result.message.length).toBeGreaterThan(0);
	});
});

describe('Indonesia NIK', () => {
	it('accepts the spec examples and derives sex and date of birth', () => {
		expect(nik.validate('3171011708450001', { now })).toMatchObject({
			valid: true,
			formatValid: true,
			checksumValid: null,
			derived: { dateOfBirth: '1945-08-17', sex: 'M', region: '31' },
		});
		expect(nik.validate('3273014505900002', { now }).derived).toMatchObject({ dateOfBirth: '1990-05-05', sex: 'F' });
	});
	it('rejects month 13 and province 99', () => {
		expect(nik.validate('3171013213450001', { now })).toMatchObject({ valid: false, error: 'INVALID_COMPONENT' });
		expect(nik.validate('9971011708450001', { now })).toMatchObject({
			valid: false,
			error: 'INVALID_COMPONENT',
			message: expect.stringMatching(/province code 99/),
		});
	});
	it('puts a two-digit year in the most recent century that is not in the future', () => {
		expect(nik.validate('3171011708250001', { now }).derived?.dateOfBirth).toBe('2025-08-17');
		expect(nik.validate('3171011712260001', { now }).derived?.dateOfBirth).toBe('1926-12-17');
	});
	it('rejects serial 0000, a bad length and letters', () => {
		expect(nik.validate('3171011708450000', { now }).error).toBe('INVALID_COMPONENT');
		expect(nik.validate('317101170845000', { now }).error).toBe('INVALID_LENGTH');
		expect(nik.validate('31710117O8450001', { now })).toMatchObject({
			error: 'INVALID_FORMAT',
			message: expect.stringMatching(/read as a letter/),
		});
	});
	it('compacts spaces and dots', () => {
		expect(nik.compact('3171 0117.0845 0001')).toBe('3171011708450001');
	});
});

describe('Aadhaar', () => {
	it('accepts the spec examples', () => {
		expect(aadhaar.isValid('234123412346')).toBe(true);
		expect(aadhaar.isValid('4991 1866 5246')).toBe(true);
		expect(aadhaar.calcCheckDigit('23412341234')).toBe('6');
	});
	it('rejects a bad checksum and a leading 1', () => {
		expect(aadhaar.validate('234123412347')).toMatchObject({ error: 'INVALID_CHECKSUM', formatValid: true, checksumValid: false });
		expect(aadhaar.validate('123412341234')).toMatchObject({ error: 'INVALID_FORMAT', formatValid: false, checksumValid: null });
	});
	it('rejects palindromes', () => {
		expect(aadhaar.validate('234565565432').message).toMatch(/palindrome/);
	});
	it('reports a masked number as not checkable', () => {
		expect(aadhaar.validate('XXXX XXXX 1234')).toMatchObject({ valid: false, masked: true, checksumValid: null, formatValid: true });
	});
});

describe('Aadhaar VID', () => {
	it('accepts the spec examples and rejects a bad checksum', () => {
		expect(aadhaarVid.isValid('2341234123412341')).toBe(true);
		expect(aadhaarVid.isValid('9176 3001 2345 6783')).toBe(true);
		expect(aadhaarVid.validate('2341234123412342').error).toBe('INVALID_CHECKSUM');
		expect(aadhaarVid.validate('234123412346').error).toBe('INVALID_LENGTH');
	});
});

describe('PAN', () => {
	it('accepts the spec examples and tells the holder type', () => {
		expect(pan.validate('ACUPA7085R')).toMatchObject({ valid: true, checksumValid: null, derived: { nameInitial: 'A' } });
		expect(pan.validate('AAPPV8261K').derived?.holderType).toMatch(/^P: individual/);
	});
	it('rejects holder type X and serial 0000', () => {
		expect(pan.validate('ABMXA3211G')).toMatchObject({ error: 'INVALID_COMPONENT' });
		expect(pan.validate('ACUPA0000R')).toMatchObject({ error: 'INVALID_COMPONENT' });
	});
	it('accepts holder type E with a warning', () => {
		expect(pan.validate('ABCEA1234B')).toMatchObject({ valid: true, warning: expect.stringMatching(/unofficial/) });
	});
	it('rejects the wrong shape', () => {
		expect(pan.validate('ACUP17085R').error).toBe('INVALID_FORMAT');
	});
});

describe('Thai national ID', () => {
	it('accepts the spec examples', () => {
		for (const id of ['1101700207030', '3100600445635', '1234545678781', '1-2345-45678-78-1']) expect(thaiPin.isValid(id)).toBe(true);
	});
	it('rejects the spec counter-examples', () => {
		expect(thaiPin.validate('1101700230705').error).toBe('INVALID_CHECKSUM');
		expect(thaiPin.validate('1234545678789').error).toBe('INVALID_CHECKSUM');
	});
	it('rejects categories 0 and 9', () => {
		expect(thaiPin.validate('9101700207030').error).toBe('INVALID_COMPONENT');
	});
	it('reads Thai digits', () => {
		expect(thaiPin.compact('๑๑๐๑๗๐๐๒๐๗๐๓๐')).toBe('1101700207030');
	});
});

describe('Thai driving licence', () => {
	it('checks the 8-digit format only', () => {
		expect(thaiLicence.validate('58001234')).toMatchObject({ valid: true, checksumValid: null });
		expect(thaiLicence.isValid('61012345')).toBe(true);
		expect(thaiLicence.validate('5800123A').error).toBe('INVALID_FORMAT');
		expect(thaiLicence.validate('580012345').error).toBe('INVALID_LENGTH');
	});
});

describe('CURP', () => {
	it('accepts the spec examples and derives date of birth, sex and state', () => {
		expect(curp.validate('BOXW310820HNERXN09')).toMatchObject({
			valid: true,
			checksumValid: true,
			derived: { dateOfBirth: '1931-08-20', sex: 'M', region: 'NE' },
		});
		expect(curp.validate('GODE561231HDFNRN05').derived).toMatchObject({ dateOfBirth: '1956-12-31', sex: 'M' });
		expect(curp.validate('SABC560626MDFLRN01').derived).toMatchObject({ sex: 'F' });
	});
	it('rejects the spec counter-example', () => {
		expect(curp.validate('BOXW310820HNERXN08').error).toBe('INVALID_CHECKSUM');
		expect(curp.calcCheckDigit('BOXW310820HNERXN0')).toBe('9');
	});
	it('reads a letter differentiator as a birth from 2000', () => {
		const body = 'GODE051231HDFNRNA';
		expect(curp.validate(body + curp.calcCheckDigit(body)).derived?.dateOfBirth).toBe('2005-12-31');
	});
	it('rejects an unknown state and an impossible date', () => {
		const badState = 'GODE561231HZZNRN0';
		expect(curp.validate(badState + '5').error).toBe('INVALID_COMPONENT');
		const badDate = 'GODE560231HDFNRN0';
		expect(curp.validate(badDate + curp.calcCheckDigit(badDate)).error).toBe('INVALID_COMPONENT');
	});
});

describe('INE clave de elector', () => {
	it('accepts the spec examples', () => {
		expect(ineClave.validate('SNAGGR98030506H500')).toMatchObject({
			valid: true,
			derived: { birthYYMMDD: '980305', sex: 'M', region: '06' },
		});
		expect(ineClave.validate('GMVLMR80070501M100').derived?.sex).toBe('F');
	});
	it('rejects month 13 and an unknown state', () => {
		expect(ineClave.validate('SNAGGR98130506H500').error).toBe('INVALID_COMPONENT');
		expect(ineClave.validate('SNAGGR98030533H500').error).toBe('INVALID_COMPONENT');
		expect(ineClave.validate('SNAGGR9803050XH500').error).toBe('INVALID_FORMAT');
	});
});

describe('Colombian cédula', () => {
	it('accepts the spec examples, dots included', () => {
		expect(colombiaCedula.validate('1.020.304.050')).toMatchObject({ valid: true, value: '1020304050', checksumValid: null });
		expect(colombiaCedula.isValid('79123456')).toBe(true);
	});
	it('rejects a leading zero and 11 digits', () => {
		expect(colombiaCedula.validate('0123456').error).toBe('INVALID_FORMAT');
		expect(colombiaCedula.validate('12345678901').error).toBe('INVALID_LENGTH');
	});
	it('accepts a historic short number with a warning', () => {
		expect(colombiaCedula.validate('12345')).toMatchObject({ valid: true, warning: expect.stringMatching(/historic/) });
	});
});

describe('Ecuadorian cédula', () => {
	it('accepts the spec examples', () => {
		expect(ecuadorCedula.validate('1714307103')).toMatchObject({ valid: true, checksumValid: true });
		expect(ecuadorCedula.isValid('0926687856')).toBe(true);
	});
	it('rejects the spec counter-examples', () => {
		expect(ecuadorCedula.validate('1714307104').error).toBe('INVALID_CHECKSUM');
		expect(ecuadorCedula.validate('2514307103').error).toBe('INVALID_COMPONENT');
		expect(ecuadorCedula.validate('1764307103').error).toBe('INVALID_COMPONENT');
	});
});

describe('German ID-card number', () => {
	it('accepts the printed numbers without a check digit', () => {
		expect(germanIdCard.validate('T22000129')).toMatchObject({ valid: true, checksumValid: null });
		expect(germanIdCard.validate('L01X00T47')).toMatchObject({ valid: true, checksumValid: null });
	});
	it('checks the MRZ form with its 7-3-1 digit', () => {
		expect(germanIdCard.validate('T220001293')).toMatchObject({ valid: true, checksumValid: true });
		expect(germanIdCard.validate('L01X00T471').valid).toBe(true);
		expect(germanIdCard.validate('T220001294')).toMatchObject({ error: 'INVALID_CHECKSUM', checksumValid: false });
		expect(germanIdCard.calcCheckDigit('T22000129')).toBe('3');
	});
	it('rejects an O and says a zero may have been read', () => {
		expect(germanIdCard.validate('LO1X00T47')).toMatchObject({
			error: 'INVALID_FORMAT',
			message: expect.stringMatching(/0 may have been read as O/),
		});
	});
	it('rejects a passport series first letter', () => {
		expect(germanIdCard.validate('C01X00T47').error).toBe('INVALID_COMPONENT');
	});
	it('fails the format of a 10-character value whose 10th character (the MRZ check digit) is a letter', () => {
		for (const value of ['T22000129C', 'L01X00T47X', 'T22000129Z', 'T2200 0129 F']) {
			expect(germanIdCard.validate(value)).toMatchObject({
				valid: false,
				formatValid: false,
				checksumValid: null,
				error: 'INVALID_FORMAT',
				message: expect.stringMatching(/10th character .*check digit.* is a digit/),
			});
		}
	});
	it('fails the format of a 10th character outside the alphabet, even a vowel that looks like a digit', () => {
		expect(germanIdCard.validate('T22000129O')).toMatchObject({ formatValid: false, error: 'INVALID_FORMAT' });
		expect(germanIdCard.validate('T22000129*')).toMatchObject({ formatValid: false, error: 'INVALID_FORMAT' });
	});
	it('still accepts every valid MRZ form (letters in positions 2–9, digit 10th) and the printed 9 characters', () => {
		expect(germanIdCard.validate('T220001293')).toMatchObject({ valid: true, formatValid: true, checksumValid: true });
		expect(germanIdCard.validate('L01X00T471')).toMatchObject({ valid: true, formatValid: true, checksumValid: true });
		expect(germanIdCard.validate('LFGHJKLM' + 'N')).toMatchObject({ valid: true, checksumValid: null });
		const letters = 'LZZZZZZZZ';
		expect(germanIdCard.validate(letters + germanIdCard.calcCheckDigit(letters))).toMatchObject({ valid: true, checksumValid: true });
	});
	it('a wrong check digit stays a checksum failure with a valid format', () => {
		expect(germanIdCard.validate('L01X00T472')).toMatchObject({ formatValid: true, checksumValid: false, error: 'INVALID_CHECKSUM' });
	});
});

describe('German driving-licence number', () => {
	it('accepts the spec examples', () => {
		expect(germanLicence.validate('B072RRE2I55')).toMatchObject({ valid: true, checksumValid: true });
		expect(germanLicence.isValid('J010000HK11')).toBe(true);
		expect(germanLicence.calcCheckDigit('B072RRE2I')).toBe('5');
	});
	it('rejects the spec counter-example', () => {
		expect(germanLicence.validate('B072RRE2I65').error).toBe('INVALID_CHECKSUM');
	});
	it('writes remainder 10 as X', () => {
		const body = ['A0000000', 'B0000000', 'C0000000'].map((b) => b + '0').find((b) => germanLicence.calcCheckDigit(b) === 'X');
		const withX =
			body ??
			(() => {
				for (let n = 0; n < 1000; n++) {
					const b = `A00${String(n).padStart(6, '0')}`;
					if (germanLicence.calcCheckDigit(b) === 'X') return b;
				}
				throw new Error('no X found');
			})();
		expect(germanLicence.validate(`${withX}X1`)).toMatchObject({ valid: true });
	});
});

describe('Dutch document number', () => {
	it('accepts the spec examples', () => {
		expect(dutchDocument.validate('SPECI2014')).toMatchObject({ valid: true, checksumValid: null });
		expect(dutchDocument.isValid('XR1001R58')).toBe(true);
	});
	it('rejects the letter O', () => {
		expect(dutchDocument.validate('XR1O01R58')).toMatchObject({ error: 'INVALID_FORMAT', message: expect.stringMatching(/letter O/) });
		expect(dutchDocument.validate('X11001R58').error).toBe('INVALID_FORMAT');
	});
});

describe('Norwegian fødselsnummer', () => {
	it('accepts the spec examples and derives what the old rule encodes', () => {
		expect(norwayFnr.validate('15108695088')).toMatchObject({ valid: true, derived: { dateOfBirth: '1986-10-15', kind: 'fødselsnummer' } });
		expect(norwayFnr.validate('15049020187').derived?.dateOfBirth).toBe('1990-04-15');
		expect(norwayFnr.validate('41018510187').derived).toMatchObject({ dateOfBirth: '1985-01-01', kind: 'D-number' });
		expect(norwayFnr.validate('15459030031').derived).toMatchObject({ dateOfBirth: '1990-05-15', kind: 'H-number' });
	});
	it('accepts the official 2032-rule example and derives neither century nor sex', () => {
		expect(norwayFnr.validate('30108299939')).toMatchObject({
			valid: true,
			checksumValid: true,
			derived: { dateOfBirth: null, sex: null, birthYYMMDD: '821030' },
			message: expect.stringMatching(/2032 rule/),
		});
	});
	it('rejects the spec counter-example', () => {
		expect(norwayFnr.validate('15108695077').error).toBe('INVALID_CHECKSUM');
	});
	it('computes the old-rule check digits', () => {
		expect(norwayFnr.calcCheckDigit('151086950')).toBe('88');
	});
	it('reads the sex from the third individual digit', () => {
		expect(norwayFnr.validate('15108695088').derived?.sex).toBe('F');
		expect(norwayFnr.validate('15049020187').derived?.sex).toBe('M');
	});
});

describe('Norwegian ID-card number', () => {
	it('accepts nine letters or digits (lenient)', () => {
		expect(norwayIdDocument.validate('GDC000001')).toMatchObject({ valid: true, checksumValid: null });
		expect(norwayIdDocument.validate('GDC00000').error).toBe('INVALID_LENGTH');
		expect(norwayIdDocument.validate('GDC0000Ø1').error).toBe('INVALID_FORMAT');
	});
});

describe('Swedish personnummer', () => {
	it('accepts the spec examples and derives date of birth and sex', () => {
		expect(swedishPersonnummer.validate('820821-2384', { now })).toMatchObject({
			valid: true,
			derived: { dateOfBirth: '1982-08-21', sex: 'F' },
		});
		expect(swedishPersonnummer.validate('880320-0016', { now }).derived?.sex).toBe('M');
		expect(swedishPersonnummer.validate('19820821-2384', { now }).derived?.dateOfBirth).toBe('1982-08-21');
		expect(swedishPersonnummer.validate('198208212384', { now }).valid).toBe(true);
	});
	it('accepts a coordination number (day + 60)', () => {
		expect(swedishPersonnummer.validate('701063-2391', { now }).derived).toMatchObject({
			dateOfBirth: '1970-10-03',
			kind: 'samordningsnummer',
		});
	});
	it('reads + as 100 years or older', () => {
		expect(swedishPersonnummer.validate('121212+1212', { now }).derived?.dateOfBirth).toBe('1912-12-12');
		expect(swedishPersonnummer.validate('121212-1212', { now }).derived?.dateOfBirth).toBe('2012-12-12');
	});
	it('rejects the spec counter-example', () => {
		expect(swedishPersonnummer.validate('880320-0018', { now }).error).toBe('INVALID_CHECKSUM');
	});
	it('compacts to the printed form with its separator', () => {
		expect(swedishPersonnummer.compact('8208212384')).toBe('820821-2384');
		expect(swedishPersonnummer.compact('820821 + 2384')).toBe('820821+2384');
	});
});
