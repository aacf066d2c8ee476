import { parseDate, parseDateSources, type DateFlag, type DateRole } from '../../core/normalize/dates';
import { MONTH_TOKENS, monthKey, monthOf, readMonthField } from '../../core/normalize/months';

const now = new Date('2026-11-21T10:00:00Z');

type Row = [
	raw: string | null,
	role: DateRole,
	iso: string | null,
	precision: 'DAY' | 'MONTH' | 'YEAR' | null,
	flags?: DateFlag[],
	year?: number,
];

// prettier-ignore
const TABLE: Row[] = [
	// docs/normalization.md, "Dates", sample by sample
	['01.08.2031', 'expiry', '2031-08-01', 'DAY'],
	['15.10.90', 'birth', '1990-10-15', 'DAY', ['twoDigitYear']],
	['25.04.17', 'issue', '2017-04-25', 'DAY', ['twoDigitYear']],
	['24.04.32', 'expiry', '2032-04-24', 'DAY', ['twoDigitYear']],
	['10 MAA/MAR 1965', 'birth', '1965-03-10', 'DAY'],
	['02 AUG/AUG 2021', 'issue', '2021-08-02', 'DAY'],
	['23 APR/APR 56', 'birth', '1956-04-23', 'DAY', ['twoDigitYear']],
	['11 JUN/JUN 26', 'expiry', '2026-06-11', 'DAY'],
	['21 AUG/AUG 82', 'birth', '1982-08-21', 'DAY'],
	['09 JUL/JUL 21', 'issue', '2021-07-09', 'DAY'],
	['16/07/2000', 'birth', '2000-07-16', 'DAY'],
	['01-01-1961', 'birth', '1961-01-01', 'DAY'],
	['29 Jan. 1997', 'birth', '1997-01-29', 'DAY'],
	['29 ม.ค. 2540', 'birth', '1997-01-29', 'DAY', ['buddhistEra']],
	['27 พฤษภาคม 2538', 'birth', '1995-05-27', 'DAY', ['buddhistEra']],
	['15/07/1987', 'birth', '1987-07-15', 'DAY'],
	['17-ENE-1987', 'birth', '1987-01-17', 'DAY'],
	['27 JUL 1993', 'birth', '1993-07-27', 'DAY'],
	['2028-06-15', 'expiry', '2028-06-15', 'DAY'],
	// Thai: digits, abbreviations with and without dots, era markers, chip form
	['๑ มกราคม ๒๕๓๓', 'birth', '1990-01-01', 'DAY', ['buddhistEra']],
	['12 เม.ย. 2560', 'issue', '2017-04-12', 'DAY', ['buddhistEra']],
	['22 มิ.ย. 2568', 'expiry', '2025-06-22', 'DAY', ['buddhistEra']],
	['29 ม. ค. 2540', 'birth', '1997-01-29', 'DAY'],
	['29 มค 2540', 'birth', '1997-01-29', 'DAY'],
	['29 ม.ค. พ.ศ. 2540', 'birth', '1997-01-29', 'DAY', ['buddhistEra']],
	['5 ธ.ค. 2499', 'birth', '1956-12-05', 'DAY'],
	['25400129', 'birth', '1997-01-29', 'DAY', ['buddhistEra']],
	['19970129', 'birth', '1997-01-29', 'DAY'],
	['29 ม.ค. 40', 'birth', '1997-01-29', 'DAY', ['buddhistEra', 'twoDigitYear']],
	// English months, spelled out or abbreviated
	['24 December 2018', 'issue', '2018-12-24', 'DAY'],
	['27 May 1995', 'birth', '1995-05-27', 'DAY'],
	['12 Apr. 2017', 'issue', '2017-04-12', 'DAY'],
	['DECEMBER 24, 2018', 'issue', '2018-12-24', 'DAY'],
	// the union table: Spanish, Dutch, Nordic, German, Indonesian tokens
	['16-FEB-2005', 'issue', '2005-02-16', 'DAY'],
	['29 OCT 2032', 'expiry', '2032-10-29', 'DAY'],
	['10 MRT 1965', 'birth', '1965-03-10', 'DAY'],
	['03 MEI 2020', 'issue', '2020-05-03', 'DAY'],
	['03 MAI/MAY 2020', 'issue', '2020-05-03', 'DAY'],
	['03 MAJ/MAY 2020', 'issue', '2020-05-03', 'DAY'],
	['12 OKT/OCT 2019', 'issue', '2019-10-12', 'DAY'],
	['24 DES/DEC 2020', 'issue', '2020-12-24', 'DAY'],
	['05 DIC 1999', 'birth', '1999-12-05', 'DAY'],
	['05 AGO 1999', 'birth', '1999-08-05', 'DAY'],
	['05 AGS 1999', 'birth', '1999-08-05', 'DAY'],
	['05 SEPT 1999', 'birth', '1999-09-05', 'DAY'],
	['05 SET 1999', 'birth', '1999-09-05', 'DAY'],
	['05 ABR 1999', 'birth', '1999-04-05', 'DAY'],
	['07 MÄR 1988', 'birth', '1988-03-07', 'DAY'],
	['07 Dez 1988', 'birth', '1988-12-07', 'DAY'],
	['1 MARET 2001', 'birth', '2001-03-01', 'DAY'],
	// numeric look-alikes
	['1.8.2031', 'expiry', '2031-08-01', 'DAY'],
	['1997/01/29', 'birth', '1997-01-29', 'DAY'],
	['01 . 02 . 2003', 'issue', '2003-02-01', 'DAY'],
	['29.02.2024', 'birth', '2024-02-29', 'DAY'],
	['29.02.00', 'birth', '2000-02-29', 'DAY'],
	// two-digit years by role, on the test clock 2026-11-21
	['21.11.26', 'birth', '2026-11-21', 'DAY'],
	['22.11.26', 'birth', '1926-11-22', 'DAY'],
	['01.01.27', 'birth', '1927-01-01', 'DAY'],
	['01.01.27', 'issue', '1927-01-01', 'DAY'],
	['01.01.27', 'expiry', '2027-01-01', 'DAY'],
	['01.01.99', 'expiry', '2099-01-01', 'DAY', ['farFuture']],
	['01.01.30', 'unknown', '1930-01-01', 'DAY', ['ambiguousCentury']],
	// non-date and partial values
	['SEUMUR HIDUP', 'expiry', null, null, ['lifetime']],
	['LIFETIME', 'expiry', null, null, ['lifetime']],
	['ตลอดชีพ', 'expiry', null, null, ['lifetime']],
	['Year of Birth : 1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['VIGENCIA 2023 - 2033', 'expiry', '2033-12-31', 'YEAR', ['partial'], 2033],
	['2023 - 2033', 'issue', null, 'YEAR', ['partial'], 2023],
	['2021', 'expiry', '2021-12-31', 'YEAR', ['partial'], 2021],
	['2011', 'issue', null, 'YEAR', ['partial'], 2011],
	['00.07.1987', 'birth', null, 'MONTH', ['partial'], 1987],
	['XX/XX/1987', 'birth', null, 'YEAR', ['partial'], 1987],
	// day and month printed as zeros: the year is kept, as for XX/XX, in every layout the table reads
	['00/00/1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['00.00.1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['00-00-1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['00 00 1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['00 / 00 / 1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['00/XX/1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['XX/00/1985', 'birth', null, 'YEAR', ['partial'], 1985],
	['1985-00-00', 'birth', null, 'YEAR', ['partial'], 1985],
	['1985/00/00', 'birth', null, 'YEAR', ['partial'], 1985],
	['19850000', 'birth', null, 'YEAR', ['partial'], 1985],
	['25280000', 'birth', null, 'YEAR', ['partial', 'buddhistEra'], 1985],
	['00/00/85', 'birth', null, 'YEAR', ['partial', 'twoDigitYear'], 1985],
	['00.00.2031', 'expiry', '2031-12-31', 'YEAR', ['partial'], 2031],
	['Year of Birth : 00/00/1985', 'birth', null, 'YEAR', ['partial'], 1985],
	// only the day unknown: month precision
	['00/05/1985', 'birth', null, 'MONTH', ['partial'], 1985],
	['00-05-1985', 'birth', null, 'MONTH', ['partial'], 1985],
	['1985-05-00', 'birth', null, 'MONTH', ['partial'], 1985],
	['19850500', 'birth', null, 'MONTH', ['partial'], 1985],
	['00 JUL 1987', 'birth', null, 'MONTH', ['partial'], 1987],
	['00/05/85', 'birth', null, 'MONTH', ['partial', 'twoDigitYear'], 1985],
	['00.02.2028', 'expiry', '2028-02-29', 'MONTH', ['partial'], 2028],
	['XX JUL 1987', 'birth', null, 'MONTH', ['partial'], 1987],
	['JUL 1987', 'birth', null, 'MONTH', ['partial'], 1987],
	['07/2033', 'expiry', '2033-07-31', 'MONTH', ['partial'], 2033],
	['02/2028', 'expiry', '2028-02-29', 'MONTH', ['partial'], 2028],
	// empty values
	['', 'birth', null, null, ['empty']],
	['-', 'expiry', null, null, ['empty']],
	['—', 'expiry', null, null, ['empty']],
	['00.00.0000', 'birth', null, null, ['empty']],
	['00000000', 'expiry', null, null, ['empty']],
	['00/00/00', 'birth', null, null, ['empty']],
	['DOB: 00.00.0000', 'birth', null, null, ['empty']],
	[null, 'birth', null, null, ['empty']],
	// invalid: null, raw kept, never fixed
	['31.02.1990', 'birth', null, null, ['invalidDate']],
	['29.02.2023', 'birth', null, null, ['invalidDate']],
	['15/13/1987', 'birth', null, null, ['invalidDate']],
	['07/15/1987', 'birth', null, null, ['invalidDate']],
	['32 JAN 2000', 'birth', null, null, ['invalidDate']],
	['0.1.2020', 'issue', null, null, ['invalidDate']],
	// a known day with an unknown month is no convention for an unknown part: a misread, not a partial date
	['15/00/1985', 'birth', null, null, ['invalidDate']],
	['1985-00-15', 'birth', null, null, ['invalidDate']],
	['0/0/1985', 'birth', null, null, ['invalidDate']],
	['00/13/1985', 'birth', null, null, ['invalidDate']],
	['13/2033', 'expiry', null, null, ['invalidDate']],
	['10 MAA/APR 1965', 'birth', null, null, ['dateConflict']],
	['10 FOO 1965', 'birth', null, null, ['unrecognized']],
	['hello', 'birth', null, null, ['unrecognized']],
	['1965', 'unknown', null, 'YEAR', ['partial'], 1965],
	['12345', 'birth', null, null, ['unrecognized']],
	['SEUMUR HIDUP', 'birth', null, null, ['unrecognized']],
	['2023 - 2033', 'birth', null, null, ['unrecognized']],
	['2028-06-15T00:00:00', 'expiry', null, null, ['unrecognized']],
];

describe('parseDate: the table', () => {
	it('has at least 60 rows', () => expect(TABLE.length).toBeGreaterThanOrEqual(60));

	it.each(TABLE)('%s (%s) → %s', (raw, role, iso, precision, flags = [], year) => {
		const parsed = parseDate(raw, { role, now });
		expect(parsed.iso).toBe(iso);
		expect(parsed.precision).toBe(precision);
		expect(parsed.raw).toBe(raw);
		for (const flag of flags) expect(parsed.flags).toContain(flag);
		if (year !== undefined) expect(parsed.year).toBe(year);
		const failed = flags.some((f) => ['invalidDate', 'dateConflict', 'unrecognized'].includes(f));
		expect(parsed.problem !== undefined).toBe(failed);
	});
});

describe('parseDate: behaviour', () => {
	it('keeps the raw value of an unreadable date and says why', () => {
		expect(parseDate('31.02.1990', { role: 'birth', now })).toMatchObject({
			iso: null,
			raw: '31.02.1990',
			problem: expect.stringMatching(/not a calendar date/),
		});
	});
	it('sets LIFETIME for valid-for-life values', () => {
		expect(parseDate('SEUMUR HIDUP', { role: 'expiry', now }).expiryType).toBe('LIFETIME');
	});
	it('reads Buddhist-era years only from Thai fields or years beyond the next century', () => {
		expect(parseDate('01.01.2540', { role: 'birth', now }).iso).toBe('1997-01-01');
		expect(parseDate('01.01.2100', { role: 'expiry', now }).iso).toBe('2100-01-01');
		expect(parseDate('01.01.2560', { role: 'issue', now, era: 'BE' }).iso).toBe('2017-01-01');
		expect(parseDate('29 ม.ค. 1997', { role: 'birth', now }).iso).toBe('1997-01-29');
	});
	it('uses the clock it is given for two-digit years', () => {
		expect(parseDate('01.01.30', { role: 'birth', now: new Date('2031-01-01T00:00:00Z') }).iso).toBe('2030-01-01');
		expect(parseDate('01.01.30', { role: 'birth', now }).iso).toBe('1930-01-01');
	});
});

describe('parseDateSources: one date printed twice', () => {
	it('agrees across the Thai and English sides', () => {
		const { date, unreadable } = parseDateSources([{ value: '29 ม.ค. 2540' }, { value: '29 Jan. 1997' }], { role: 'birth', now });
		expect(date.iso).toBe('1997-01-29');
		expect(unreadable).toEqual([]);
	});
	it('gives null and dateConflict when the sides disagree', () => {
		const { date } = parseDateSources([{ value: '29 ม.ค. 2540' }, { value: '28 Jan. 1997' }], { role: 'birth', now });
		expect(date).toMatchObject({ iso: null, flags: ['dateConflict'] });
	});
	it('uses the readable side and reports the unreadable one', () => {
		const { date, unreadable } = parseDateSources([{ value: '29 Jxn. 1997' }, { value: '27-07-1993' }, { value: '' }], {
			role: 'birth',
			now,
		});
		expect(date.iso).toBe('1993-07-27');
		expect(unreadable.map((u) => u.raw)).toEqual(['29 Jxn. 1997']);
	});
	it('reports an unreadable single source as the date itself', () => {
		const { date, unreadable } = parseDateSources([{ value: 'garbage' }, { value: '' }], { role: 'birth', now });
		expect(date.problem).toBeDefined();
		expect(unreadable).toEqual([]);
	});
});

describe('month tokens', () => {
	it('never name two different months', () => {
		const seen = new Map<string, number>();
		for (const { token, month } of MONTH_TOKENS) {
			const key = monthKey(token);
			expect([undefined, month]).toContain(seen.get(key));
			seen.set(key, month);
		}
	});
	it('cover the month names of every language', () => {
		const spec: [string, number][] = [
			['MAA', 3],
			['MRT', 3],
			['MARS', 3],
			['MÄR', 3],
			['MEI', 5],
			['MAI', 5],
			['MAJ', 5],
			['JUNI', 6],
			['JULI', 7],
			['AGO', 8],
			['AGU', 8],
			['AGS', 8],
			['SEPT', 9],
			['SET', 9],
			['OKT', 10],
			['DES', 12],
			['DIC', 12],
			['DEZ', 12],
			['ENE', 1],
			['ABR', 4],
			['ก.พ.', 2],
			['มี.ค.', 3],
			['พ.ค.', 5],
			['ก.ค.', 7],
			['ส.ค.', 8],
			['ก.ย.', 9],
			['ต.ค.', 10],
			['พ.ย.', 11],
			['ธ.ค.', 12],
			['กุมภาพันธ์', 2],
			['สิงหาคม', 8],
			['Jan.', 1],
		];
		for (const [token, month] of spec) expect(monthOf(token)).toBe(month);
	});
	it('read bilingual fields half by half', () => {
		expect(readMonthField('MAA/MAR')).toEqual({ month: 3, conflict: false });
		expect(readMonthField('XYZ/MAR')).toEqual({ month: 3, conflict: false });
		expect(readMonthField('MAA/APR')).toEqual({ month: null, conflict: true });
	});
});
