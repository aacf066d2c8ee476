/**
 * Every documented sample answer of the catalog, normalized on a fixed clock (2026-11-21), with the expected
 * canonical document written out field by field. Where a sample fails a check, the test says why.
 */
import { documentOperations, getOperation } from '../../core/catalog';
import { ecIdCardBackSample } from '../../core/operations/ecIdCard/entry';
import { normalizeDocument } from '../../core/normalize';
import type { Checks } from '../../core/normalize/types';

const now = new Date('2026-11-21T12:00:00Z');
const results = (checks: Checks) => Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, c!.result]));

it('covers every OCR operation of the catalog', () => {
	expect(
		documentOperations()
			.map((op) => op.id)
			.sort(),
	).toEqual(
		[
			'deIdCard',
			'nlIdCard',
			'noIdCard',
			'seIdCard',
			'inAadhaarFront',
			'inAadhaarBack',
			'inPan',
			'idKtp',
			'thIdCard',
			'mxVoterCard',
			'coIdCardFront',
			'coIdCardBack',
			'deDrivingLicence',
			'thDrivingLicence',
			'idKtpAccuauth',
			'ecIdCard',
		].sort(),
	);
});

describe('deIdCard', () => {
	it('finds the O in the card number and a date of birth in the future (the sample repeats the expiry date)', () => {
		const { document, checks } = normalizeDocument('deIdCard', getOperation('deIdCard').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'DEU',
			documentNumber: 'LO1X00T47',
			personalNumber: null,
			firstName: 'ERIKA',
			lastName: 'MUSTERMANN',
			fullName: 'ERIKA MUSTERMANN',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '2031-08-01',
			yearOfBirth: 2031,
			dateOfIssue: null,
			dateOfExpiry: '2031-08-01',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: null,
				dateOfExpiry: 'DAY',
			},
			sex: null,
			nationality: 'DEU',
			placeOfBirth: 'BERLIN',
			address: null,
			extras: {},
		});
		expect(results(checks)).toEqual({
			documentNumberFormat: false,
			notExpired: true,
			ageOver: null,
			datesParsed: true,
			datesPlausible: false,
		});
		expect(checks.documentNumberFormat?.reason).toMatch(/0 may have been read as O/);
		expect(checks.datesPlausible?.reason).toMatch(/date of birth is in the future/);
	});
});

describe('nlIdCard', () => {
	it('reads bilingual months and V/F', () => {
		const { document, checks } = normalizeDocument('nlIdCard', getOperation('nlIdCard').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'NLD',
			documentNumber: 'SPECI2021',
			personalNumber: null,
			firstName: 'Willeke Liselotte',
			lastName: 'De Bruijn',
			fullName: 'Willeke Liselotte De Bruijn',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1965-03-10',
			yearOfBirth: 1965,
			dateOfIssue: '2021-08-02',
			dateOfExpiry: '2031-08-02',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: 'DAY',
			},
			sex: 'F',
			nationality: 'NLD',
			placeOfBirth: null,
			address: null,
			extras: {},
		});
		expect(results(checks)).toEqual({
			documentNumberFormat: true,
			notExpired: true,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
	});
});

describe('noIdCard', () => {
	it('reads a two-digit birth year into the past and an expiry into the future; expired on the test clock', () => {
		const { document, checks } = normalizeDocument('noIdCard', getOperation('noIdCard').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'NOR',
			documentNumber: 'GDC000001',
			personalNumber: null,
			firstName: 'SAMUND SPECIMEN',
			lastName: 'STENBYEN',
			fullName: 'SAMUND SPECIMEN STENBYEN',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1956-04-23',
			yearOfBirth: 1956,
			dateOfIssue: null,
			dateOfExpiry: '2026-06-11',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: null,
				dateOfExpiry: 'DAY',
			},
			sex: 'M',
			nationality: 'NOR',
			placeOfBirth: null,
			address: null,
			extras: {
				height: '179CM',
				heightCm: 179,
				canNumber: '164745',
			},
		});
		expect(results(checks)).toEqual({
			documentNumberFormat: true,
			notExpired: false,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.notExpired?.reason).toMatch(/expired on 2026-06-11/);
	});
});

describe('seIdCard', () => {
	it('checks the personnummer against the printed date of birth and sex', () => {
		const { document, checks } = normalizeDocument('seIdCard', getOperation('seIdCard').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'SWE',
			documentNumber: '59000002',
			personalNumber: '820821-2384',
			firstName: 'SVEA',
			lastName: 'SPECIMEN',
			fullName: 'SVEA SPECIMEN',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1982-08-21',
			yearOfBirth: 1982,
			dateOfIssue: '2021-07-09',
			dateOfExpiry: '2026-07-09',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: 'DAY',
			},
			sex: 'F',
			nationality: 'SWE',
			placeOfBirth: null,
			address: null,
			extras: {
				height: '170CM',
				heightCm: 170,
				issuingAuthority: 'POLISMYNDIGHETEN',
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			personalNumberChecksum: true,
			consistency: true,
			notExpired: false,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.notExpired?.reason).toMatch(/expired on 2026-07-09/);
	});
});

describe('inAadhaarFront', () => {
	it('validates the Aadhaar number and finds the VID checksum wrong', () => {
		const { document, checks } = normalizeDocument('inAadhaarFront', getOperation('inAadhaarFront').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'IND',
			documentNumber: '775754348277',
			personalNumber: '775754348277',
			firstName: null,
			lastName: null,
			fullName: 'Sinch Poonam Sagar',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '2000-07-16',
			yearOfBirth: 2000,
			dateOfIssue: '2020-09-04',
			dateOfExpiry: null,
			expiryType: 'NONE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: null,
			},
			sex: 'F',
			nationality: null,
			placeOfBirth: null,
			address: null,
			extras: {
				vid: '9150912715607691',
				mobileNumber: null,
				downloadDate: '2020-09-06',
				aadhaarMasked: false,
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			personalNumberChecksum: true,
			vidChecksum: false,
			vidFormat: true,
			notExpired: true,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.vidChecksum?.reason).toMatch(/Verhoeff check digit does not match/);
	});
});

describe('inAadhaarBack', () => {
	it('reads the address parts and validates both numbers', () => {
		const { document, checks } = normalizeDocument('inAadhaarBack', getOperation('inAadhaarBack').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'IND',
			documentNumber: '387133213107',
			personalNumber: '387133213107',
			firstName: null,
			lastName: null,
			fullName: null,
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: null,
			yearOfBirth: null,
			dateOfIssue: null,
			dateOfExpiry: null,
			expiryType: 'NONE',
			datePrecision: {
				dateOfBirth: null,
				dateOfIssue: null,
				dateOfExpiry: null,
			},
			sex: null,
			nationality: null,
			placeOfBirth: null,
			address: {
				raw: 'S/O: Jameel Khan, tikariya, Tikariya, Sitapur, Uttar Pradesh - 261131',
				street: null,
				village: null,
				district: null,
				city: 'Sitapur',
				region: 'Uttar Pradesh',
				postcode: '261131',
				country: null,
			},
			extras: {
				vid: '9106098539989335',
				aadhaarMasked: false,
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			personalNumberChecksum: true,
			vidChecksum: true,
			vidFormat: true,
			notExpired: true,
			ageOver: null,
		});
		expect(checks.ageOver?.reason).toMatch(/read the front/);
	});
});

describe('inPan', () => {
	it('checks the PAN format and the surname initial', () => {
		const { document, checks } = normalizeDocument('inPan', getOperation('inPan').sample, { now });
		expect(document).toEqual({
			documentType: 'TAX_CARD',
			issuingCountry: 'IND',
			documentNumber: 'FBVPM7951K',
			personalNumber: 'FBVPM7951K',
			firstName: null,
			lastName: null,
			fullName: 'IRSHAD MAHAMMAD',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1998-08-13',
			yearOfBirth: 1998,
			dateOfIssue: null,
			dateOfExpiry: null,
			expiryType: 'NONE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: null,
				dateOfExpiry: null,
			},
			sex: null,
			nationality: null,
			placeOfBirth: null,
			address: null,
			extras: {
				fatherName: 'MAHABUB ALI MAHAMMAD',
				holderType: 'P: individual',
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			consistency: true,
			notExpired: true,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
	});
});

describe('idKtp', () => {
	it('finds that the NIK (woman, 1982-02-03) disagrees with the printed date of birth and sex', () => {
		const { document, checks } = normalizeDocument('idKtp', getOperation('idKtp').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'IDN',
			documentNumber: '3171024302821001',
			personalNumber: '3171024302821001',
			firstName: null,
			lastName: null,
			fullName: 'HELLO NAME',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1961-01-01',
			yearOfBirth: 1961,
			dateOfIssue: null,
			dateOfExpiry: null,
			expiryType: null,
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: null,
				dateOfExpiry: null,
			},
			sex: 'M',
			nationality: 'IDN',
			placeOfBirth: 'GARESSI SUPPA',
			address: {
				raw: 'BTN UNHALU BLOK C NO. 28',
				street: 'BTN UNHALU BLOK C NO. 28',
				village: 'KAMBU',
				district: 'KAMBU',
				city: 'KOTA KENDARI',
				region: 'SULAWESI TENGGARA',
				postcode: null,
				country: null,
			},
			extras: {
				rt: '006',
				rw: '003',
				religion: 'ISLAM',
				maritalStatus: 'KAWIN',
				occupation: 'PEGAWAI NEGERI SIPIL (PNS)',
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			consistency: false,
			notExpired: null,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.consistency?.reason).toMatch(/NIK date of birth vs printed date of birth: disagree; NIK sex vs printed sex: disagree/);
	});
});

describe('thIdCard', () => {
	it('reads both name scripts and the Buddhist-era dates; expired on the test clock', () => {
		const { document, checks } = normalizeDocument('thIdCard', getOperation('thIdCard').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'THA',
			documentNumber: '1842356782169',
			personalNumber: '1842356782169',
			firstName: 'Ponnapa',
			lastName: 'Yinthpetra',
			fullName: 'Ponnapa Yinthpetra',
			firstNameLocal: 'พรนภา',
			lastNameLocal: 'ยิ่งเภตรา',
			fullNameLocal: 'พรนภา ยิ่งเภตรา',
			dateOfBirth: '1997-01-29',
			yearOfBirth: 1997,
			dateOfIssue: '2017-04-12',
			dateOfExpiry: '2025-06-22',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: 'DAY',
			},
			sex: 'F',
			nationality: null,
			placeOfBirth: null,
			address: {
				raw: 'ที่อยู่ 125 หมู่ที่ 7 ต.ช้างขวา อ.กาญจนดิษฐ์',
				street: null,
				village: null,
				district: null,
				city: null,
				region: null,
				postcode: null,
				country: null,
			},
			extras: {
				cardType: 'Thai National ID Card',
				cardTypeLocal: 'บัตรประจำตัวประชาชน',
				licenceNumber: null,
				serialNumber: '8407-03-22251350',
				title: 'Miss.',
				titleLocal: 'น.ส.',
				religion: 'พุทธ',
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			personalNumberChecksum: true,
			consistency: true,
			notExpired: false,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
			documentTypeMatches: true,
		});
		expect(checks.notExpired?.reason).toMatch(/expired on 2025-06-22/);
		expect(checks.documentTypeMatches?.reason).toMatch(/read an ID card/);
	});
});

describe('mxVoterCard', () => {
	it('finds that the CURP date of birth disagrees with the printed one; year-only validity', () => {
		const { document, checks } = normalizeDocument('mxVoterCard', getOperation('mxVoterCard').sample, { now });
		expect(document).toEqual({
			documentType: 'VOTER_CARD',
			issuingCountry: 'MEX',
			documentNumber: 'MLNRYR80110728M300',
			personalNumber: 'MONY801107MTSLRR07',
			firstName: 'YURI YERANIA',
			lastName: 'MOLINA NORATO',
			fullName: 'MOLINA NORATO YURI YERANIA',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1987-07-15',
			yearOfBirth: 1987,
			dateOfIssue: null,
			dateOfExpiry: '2021-12-31',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'YEAR',
				dateOfExpiry: 'YEAR',
			},
			sex: 'F',
			nationality: null,
			placeOfBirth: null,
			address: {
				raw: 'AND 8 1121 INF ALDAMA 87040 VICTORIA ,TAMPS.',
				street: null,
				village: null,
				district: null,
				city: 'VICTORIA',
				region: 'TAMPS',
				postcode: '87040',
				country: null,
			},
			extras: {
				curp: 'MONY801107MTSLRR07',
				voterId: 'MLNRYR80110728M300',
				paternalSurname: 'MOLINA',
				maternalSurname: 'NORATO',
				issueYear: 2011,
				registrationYearAndMonth: '200101',
				stateNumber: '28',
				municipalNumber: '041',
				placeNumber: '0001',
			},
		});
		expect(results(checks)).toEqual({
			documentNumberFormat: true,
			personalNumberFormat: true,
			personalNumberChecksum: true,
			consistency: false,
			notExpired: false,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.consistency?.reason).toMatch(/^CURP date of birth vs printed date of birth: disagree$/);
		expect(checks.notExpired?.reason).toMatch(/expired on 2021-12-31 \(only the year is printed/);
	});
});

describe('coIdCardFront', () => {
	it('compacts the dotted number; no expiry', () => {
		const { document, checks } = normalizeDocument('coIdCardFront', getOperation('coIdCardFront').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'COL',
			documentNumber: '1136879353',
			personalNumber: '1136879353',
			firstName: 'OSCAR FELIPE',
			lastName: 'RUEDA PLATA',
			fullName: 'OSCAR FELIPE RUEDA PLATA',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: null,
			yearOfBirth: null,
			dateOfIssue: null,
			dateOfExpiry: null,
			expiryType: 'NONE',
			datePrecision: {
				dateOfBirth: null,
				dateOfIssue: null,
				dateOfExpiry: null,
			},
			sex: null,
			nationality: null,
			placeOfBirth: null,
			address: null,
			extras: {},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			notExpired: true,
			ageOver: null,
		});
		expect(checks.ageOver?.reason).toMatch(/read the back/);
	});
});

describe('coIdCardBack', () => {
	it('reads Spanish month abbreviations, blood type and height', () => {
		const { document, checks } = normalizeDocument('coIdCardBack', getOperation('coIdCardBack').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'COL',
			documentNumber: null,
			personalNumber: null,
			firstName: null,
			lastName: null,
			fullName: null,
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1987-01-17',
			yearOfBirth: 1987,
			dateOfIssue: '2005-02-16',
			dateOfExpiry: null,
			expiryType: 'NONE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: null,
			},
			sex: 'M',
			nationality: null,
			placeOfBirth: 'BOGOTA D.C (CUNDINAMARCA)',
			address: null,
			extras: {
				bloodType: 'A+',
				height: '1.72',
				heightCm: 172,
				placeOfIssue: 'BOGOTA D.C.',
			},
		});
		expect(results(checks)).toEqual({
			notExpired: true,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
	});
});

describe('deDrivingLicence', () => {
	it('finds the licence number checksum wrong (its O letters are allowed there, so the format passes)', () => {
		const { document, checks } = normalizeDocument('deDrivingLicence', getOperation('deDrivingLicence').sample, { now });
		expect(document).toEqual({
			documentType: 'DRIVING_LICENSE',
			issuingCountry: 'DEU',
			documentNumber: 'B905KODO168',
			personalNumber: null,
			firstName: 'John',
			lastName: 'Smith',
			fullName: 'John Smith',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1990-10-15',
			yearOfBirth: 1990,
			dateOfIssue: '2017-04-25',
			dateOfExpiry: '2032-04-24',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: 'DAY',
			},
			sex: null,
			nationality: null,
			placeOfBirth: 'Berlin',
			address: null,
			extras: {
				licenceClasses: 'AM/B/L',
				issuingAuthority: 'Landratsamt',
			},
		});
		expect(results(checks)).toEqual({
			documentNumberFormat: true,
			documentNumberChecksum: false,
			notExpired: true,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.documentNumberChecksum?.reason).toMatch(/check character \(10th\) does not match/);
	});
});

describe('thDrivingLicence', () => {
	it('finds the national ID checksum wrong; spelled-out English months', () => {
		const { document, checks } = normalizeDocument('thDrivingLicence', getOperation('thDrivingLicence').sample, { now });
		expect(document).toEqual({
			documentType: 'DRIVING_LICENSE',
			issuingCountry: 'THA',
			documentNumber: '61002614',
			personalNumber: '1102652247328',
			firstName: 'ANIRUT',
			lastName: 'THONGRAKYU',
			fullName: 'ANIRUT THONGRAKYU',
			firstNameLocal: 'อนิรุต',
			lastNameLocal: 'ทองรักอยู่',
			fullNameLocal: 'อนิรุต ทองรักอยู่',
			dateOfBirth: '1995-05-27',
			yearOfBirth: 1995,
			dateOfIssue: '2018-12-24',
			dateOfExpiry: '2020-12-24',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: 'DAY',
				dateOfExpiry: 'DAY',
			},
			sex: 'M',
			nationality: null,
			placeOfBirth: null,
			address: null,
			extras: {
				cardType: 'Driving License',
				cardTypeLocal: 'ใบอนุญาตขับรถ',
				licenceNumber: '61002614',
				serialNumber: null,
				title: 'MR.',
				titleLocal: 'นาย',
				religion: null,
			},
		});
		expect(results(checks)).toEqual({
			documentNumberFormat: true,
			personalNumberFormat: true,
			personalNumberChecksum: false,
			consistency: true,
			notExpired: false,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
			documentTypeMatches: true,
		});
		expect(checks.personalNumberChecksum?.reason).toMatch(/mod-11 check digit does not match/);
		expect(checks.notExpired?.reason).toMatch(/expired on 2020-12-24/);
	});
});

describe('idKtpAccuauth', () => {
	it('agrees across NIK, printed fields and gender_s', () => {
		const { document, checks } = normalizeDocument('idKtpAccuauth', getOperation('idKtpAccuauth').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'IDN',
			documentNumber: '3273014505900002',
			personalNumber: '3273014505900002',
			firstName: null,
			lastName: null,
			fullName: 'SITI AMINAH',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1990-05-05',
			yearOfBirth: 1990,
			dateOfIssue: null,
			dateOfExpiry: null,
			expiryType: null,
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: null,
				dateOfExpiry: null,
			},
			sex: 'F',
			nationality: 'IDN',
			placeOfBirth: 'BANDUNG',
			address: {
				raw: 'JL. MERDEKA NO. 10',
				street: 'JL. MERDEKA NO. 10',
				village: 'CITARUM',
				district: null,
				city: 'KOTA BANDUNG',
				region: 'JAWA BARAT',
				postcode: null,
				country: null,
			},
			extras: {
				rt: null,
				rw: null,
				religion: null,
				maritalStatus: 'KAWIN',
				occupation: null,
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			consistency: true,
			notExpired: null,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.consistency?.reason).toMatch(/gender vs gender_s: agree/);
	});
});

describe('ecIdCard', () => {
	it('reads the front: both date forms agree, surnames split off the full name', () => {
		const { document, checks } = normalizeDocument('ecIdCard', getOperation('ecIdCard').sample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'ECU',
			documentNumber: '1105433765',
			personalNumber: '1105433765',
			firstName: 'MARTHA ISABEL',
			lastName: 'JIMENEZ FLORES',
			fullName: 'JIMENEZ FLORES MARTHA ISABEL',
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: '1993-07-27',
			yearOfBirth: 1993,
			dateOfIssue: null,
			dateOfExpiry: '2032-10-29',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: 'DAY',
				dateOfIssue: null,
				dateOfExpiry: 'DAY',
			},
			sex: 'F',
			nationality: 'ECU',
			placeOfBirth: 'LOJA ESPINDOLA AMALUZA',
			address: null,
			extras: {
				cardSide: 'front',
				cardType: null,
				maritalStatus: null,
				education: null,
				profession: null,
				motherName: null,
				fatherName: null,
			},
		});
		expect(results(checks)).toEqual({
			personalNumberFormat: true,
			personalNumberChecksum: true,
			consistency: true,
			notExpired: true,
			ageOver: true,
			datesParsed: true,
			datesPlausible: true,
		});
	});
});

describe('ecIdCard (back)', () => {
	it('reads the back: ISO dates, masked names of the parents', () => {
		const { document, checks } = normalizeDocument('ecIdCard', ecIdCardBackSample, { now });
		expect(document).toEqual({
			documentType: 'ID_CARD',
			issuingCountry: 'ECU',
			documentNumber: null,
			personalNumber: null,
			firstName: null,
			lastName: null,
			fullName: null,
			firstNameLocal: null,
			lastNameLocal: null,
			fullNameLocal: null,
			dateOfBirth: null,
			yearOfBirth: null,
			dateOfIssue: '2018-06-15',
			dateOfExpiry: '2028-06-15',
			expiryType: 'DATE',
			datePrecision: {
				dateOfBirth: null,
				dateOfIssue: 'DAY',
				dateOfExpiry: 'DAY',
			},
			sex: null,
			nationality: null,
			placeOfBirth: null,
			address: null,
			extras: {
				cardSide: 'back',
				cardType: null,
				maritalStatus: null,
				education: 'BACHILLERATO',
				profession: 'ESTUDIANTE',
				motherName: 'MEJIA HUACON *** ****',
				fatherName: 'OCHOA **** MARIANA *****',
			},
		});
		expect(results(checks)).toEqual({
			notExpired: true,
			ageOver: null,
			datesParsed: true,
			datesPlausible: true,
		});
		expect(checks.ageOver?.reason).toMatch(/read the front/);
	});
});
