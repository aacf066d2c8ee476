/**
 * Dates as the vendors print them → ISO `YYYY-MM-DD`. Day first everywhere (never MM/DD), Buddhist-era years
 * and Thai digits, every month token of months.ts, two-digit years by the role of the field, and the values
 * that are not dates (lifetime validity; `-`, all zeros). Nothing is fixed: a value that is not a calendar date
 * is null, with the raw string kept and the reason said.
 */
import { compareYmd, daysInMonth, isValidDate, today, toIso, type Ymd } from '../validate/calendar';
import { toAsciiDigits } from '../validate/clean';
import { readMonthField } from './months';
import type { DatePrecision } from './types';

/** What the date is for: it decides the century of a two-digit year. */
export type DateRole = 'birth' | 'issue' | 'expiry' | 'unknown';

export type DateFlag =
	/** No value (missing, empty, `-`). */
	| 'empty'
	/** Valid for life (SEUMUR HIDUP, LIFETIME, ตลอดชีพ …). */
	| 'lifetime'
	/** Only the year (or year and month) is known. */
	| 'partial'
	| 'buddhistEra'
	| 'twoDigitYear'
	/** A two-digit year whose role was unknown: put in the past. */
	| 'ambiguousCentury'
	/** A two-digit expiry year more than 50 years ahead. */
	| 'farFuture'
	/** Two spellings of the same date (bilingual month, Thai and English side) disagree. */
	| 'dateConflict'
	/** Read, but not a calendar date (31.02.1990, month 13). */
	| 'invalidDate'
	/** Not a date format we know. */
	| 'unrecognized';

export interface ParsedDate {
	/** The vendor's value, untouched. */
	raw: string | null;
	/** ISO date, or null (absent, partial except for expiry, unreadable). */
	iso: string | null;
	precision: DatePrecision;
	/** Known even when the day is not (year-only birth dates). */
	year: number | null;
	month: number | null;
	expiryType: 'LIFETIME' | null;
	flags: DateFlag[];
	/** Why a non-empty value gave no date; absent when it was read. */
	problem?: string;
}

export interface DateOptions {
	role?: DateRole;
	/** Today, for two-digit years and Buddhist-era detection. */
	now: Date;
	/** The field is known to be Buddhist era (a Thai-side field) or Common Era. */
	era?: 'BE' | 'CE';
}

/** Whether a parse failed on a non-empty value (the datesParsed check counts these). */
export function isUnreadable(date: ParsedDate): boolean {
	return date.problem !== undefined;
}

const EMPTY = /^(?:[-—–_/.]+|N\/?A|NULL)$/;
/** Nothing but zeros (00.00.0000, 00000000): a filler for "no date", never year 0 or 2000. */
const ALL_ZEROS = /^[0 ./-]*0[0 ./-]*$/;
const LIFETIME = /SEUMUR\s*HIDUP|LIFE\s*TIME|LIFELONG|ตลอดชีพ|UNBEFRISTET|INDEFINID[OA]/;
const LABEL =
	/^(?:YEAR OF BIRTH|YOB|DOB|DATE OF BIRTH|BIRTH|VIGENCIA|VIGENTE HASTA|BERLAKU HINGGA|EXPIRY|EXPIRES|EXP|VALID UNTIL)\b\s*:?\s*/;
const THAI_SCRIPT = /[\u0E00-\u0E7F]/;
/**
 * How documents print an unknown day or month. `00` counts like `XX`: 00/00/1985 is year precision, 00/05/1985
 * month precision. A single `0` does not (0.1.2020 is a misread), nor does a known day with a zero month
 * (15/00/1985): no document prints an unknown month under a known day, so that stays an invalid date.
 */
const UNKNOWN_PART = '(?:00|XX|X|--|-|—)';
const UNKNOWN_DAY_MONTH = new RegExp(`^${UNKNOWN_PART} ?[./ -] ?${UNKNOWN_PART} ?[./ -] ?(\\d{4}|\\d{2})$`);
const UNKNOWN_DAY = new RegExp(`^${UNKNOWN_PART} ?[./ -] ?(\\d{1,2}) ?[./ -] ?(\\d{4}|\\d{2})$`);

function result(raw: string | null, fields: Partial<ParsedDate>): ParsedDate {
	return { raw, iso: null, precision: null, year: null, month: null, expiryType: null, flags: [], ...fields };
}

function failed(raw: string, flag: DateFlag, problem: string, flags: DateFlag[] = []): ParsedDate {
	return result(raw, { flags: [...flags, flag], problem });
}

/** Read one date value. */
export function parseDate(value: unknown, options: DateOptions): ParsedDate {
	const role = options.role ?? 'unknown';
	if (value === null || value === undefined) return result(null, { flags: ['empty'] });
	const raw = String(value);
	let s = toAsciiDigits(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim().toUpperCase();
	if (s === '' || EMPTY.test(s)) return result(raw, { flags: ['empty'] });

	if (LIFETIME.test(s)) {
		if (role === 'birth' || role === 'issue') return failed(raw, 'unrecognized', `a "valid for life" value is not a ${role} date`);
		return result(raw, { expiryType: 'LIFETIME', flags: ['lifetime'] });
	}

	let era = options.era ?? null;
	if (/พ\.?\s?ศ\.?|B\.E\./.test(s)) era = 'BE';
	if (/ค\.?\s?ศ\.?|C\.E\./.test(s)) era = 'CE';
	s = s
		.replace(/พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|B\.E\.|C\.E\./g, ' ')
		.replace(LABEL, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (/^[^\d]*:/.test(s)) s = s.slice(s.indexOf(':') + 1).trim();
	if (!era && THAI_SCRIPT.test(s)) era = 'BE';
	if (ALL_ZEROS.test(s)) return result(raw, { flags: ['empty'] });

	const reader = new YearReader(role, options.now, era);
	let m: RegExpExecArray | null;

	// Year first, four digits: ISO and its look-alikes, and the chip form YYYYMMDD (Thai chips write 00 for an unknown part).
	if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
		if (m[3] === '00') return reader.partial(raw, m[1], m[2] === '00' ? null : Number(m[2]));
		return reader.day(raw, m[1], Number(m[2]), Number(m[3]));
	}
	// Unknown day and month (00/00/1987, XX/XX/1987) before unknown day alone (00.07.1987): 00 would read as month 0.
	if ((m = UNKNOWN_DAY_MONTH.exec(s))) {
		return reader.partial(raw, m[1], null);
	}
	if ((m = UNKNOWN_DAY.exec(s))) {
		return reader.partial(raw, m[2], Number(m[1]));
	}
	// Day first, numeric month: DD.MM.YYYY, DD/MM/YY, DD-MM-YYYY.
	if ((m = /^(\d{1,2}) ?([./-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})$/.exec(s))) {
		return reader.day(raw, m[4], Number(m[3]), Number(m[1]));
	}
	// Month and year: 07/2033.
	if ((m = /^(\d{1,2})[./-](\d{4})$/.exec(s))) return reader.partial(raw, m[2], Number(m[1]));
	// Day, month word, year: 27 JUL 1993, 17-ENE-1987, 10 MAA/MAR 1965, 29 ม.ค. 2540, 24 DECEMBER 2018.
	if ((m = /^(\d{1,2}|XX|--) ?[-/., ]? ?([^\d]+?) ?[-/., ]? ?(\d{4}|\d{2})$/.exec(s))) {
		const month = readMonthField(m[2].replace(/^[-/., ]+|[-/., ]+$/g, ''));
		if (month.conflict) return failed(raw, 'dateConflict', 'the two month names disagree');
		if (month.month === null) return failed(raw, 'unrecognized', 'the month name is not one we know');
		if (/^(XX|--|00)$/.test(m[1])) return reader.partial(raw, m[3], month.month);
		return reader.day(raw, m[3], month.month, Number(m[1]));
	}
	// Month word, year: JUL 1987.
	if ((m = /^([^\d]+?) ?[-/., ]? ?(\d{4})$/.exec(s)) && readMonthField(m[1].replace(/[-/., ]+$/, '')).month !== null) {
		return reader.partial(raw, m[2], readMonthField(m[1].replace(/[-/., ]+$/, '')).month);
	}
	// Month word first (English style): DECEMBER 24, 2018.
	if ((m = /^([^\d]+?) (\d{1,2}),? (\d{4})$/.exec(s))) {
		const month = readMonthField(m[1]);
		if (month.month !== null) return reader.day(raw, m[3], month.month, Number(m[2]));
	}
	// A validity range (INE VIGENCIA 2023 - 2033): the end for an expiry, the start for an issue.
	if ((m = /^(\d{4}) ?[-–—/] ?(\d{4})$/.exec(s))) {
		if (role === 'expiry') return reader.partial(raw, m[2], null);
		if (role === 'issue') return reader.partial(raw, m[1], null);
		return failed(raw, 'unrecognized', 'a range of years is not a date of birth');
	}
	// The year alone (Aadhaar "Year of Birth : 1985", INE issue year).
	if ((m = /^(\d{4})$/.exec(s))) return reader.partial(raw, m[1], null);

	return failed(raw, 'unrecognized', 'not a date format we know');
}

/** Turns the year digits into a Common Era year for one field, and builds the result. */
class YearReader {
	private readonly flags: DateFlag[] = [];
	private readonly t: Ymd;

	constructor(
		private readonly role: DateRole,
		now: Date,
		private readonly era: 'BE' | 'CE' | null,
	) {
		this.t = today(now);
	}

	day(raw: string, yearDigits: string, month: number, day: number): ParsedDate {
		const year = this.year(yearDigits, month, day);
		if (!isValidDate(year, month, day)) {
			return failed(raw, 'invalidDate', `${day}.${month}.${year} is not a calendar date`, this.flags);
		}
		return result(raw, { iso: toIso({ year, month, day }), precision: 'DAY', year, month, flags: this.flags });
	}

	/** Year (and month) only: an expiry runs to the end of that period; other roles keep no ISO date. */
	partial(raw: string, yearDigits: string, month: number | null): ParsedDate {
		const year = this.year(yearDigits, month ?? 12, month === null ? 31 : 1);
		if (month !== null && (month < 1 || month > 12)) return failed(raw, 'invalidDate', `month ${month} does not exist`, this.flags);
		const flags: DateFlag[] = [...this.flags, 'partial'];
		const precision: DatePrecision = month === null ? 'YEAR' : 'MONTH';
		const iso = this.role === 'expiry' ? toIso({ year, month: month ?? 12, day: daysInMonth(year, month ?? 12) }) : null;
		return result(raw, { iso, precision, year, month, flags });
	}

	private year(digits: string, month: number, day: number): number {
		let year = Number(digits);
		if (digits.length === 4) {
			const buddhist = this.era === 'BE' ? year >= 2400 : this.era !== 'CE' && year > this.t.year + 100;
			if (buddhist) {
				this.flags.push('buddhistEra');
				year -= 543;
			}
			return year;
		}
		this.flags.push('twoDigitYear');
		if (this.era === 'BE') {
			this.flags.push('buddhistEra');
			return 2500 + year - 543;
		}
		if (this.role === 'expiry') {
			year += 2000;
			if (year > this.t.year + 50) this.flags.push('farFuture');
			return year;
		}
		if (this.role === 'unknown') this.flags.push('ambiguousCentury');
		year += Math.floor(this.t.year / 100) * 100;
		if (compareYmd({ year, month, day }, this.t) > 0) year -= 100;
		return year;
	}
}

/**
 * One date printed twice (Thai and English side; Ecuador's text and dd-mm-yyyy forms). The readable ones
 * must agree; if they do not, the date is null with a dateConflict flag.
 */
export function parseDateSources(
	sources: { value: unknown; era?: 'BE' | 'CE' }[],
	options: DateOptions,
): { date: ParsedDate; unreadable: ParsedDate[] } {
	const parsed = sources.map((s) => parseDate(s.value, { ...options, era: s.era ?? options.era }));
	const unreadable = parsed.filter(isUnreadable);
	const readable = parsed.filter((p) => !isUnreadable(p) && !p.flags.includes('empty'));
	if (readable.length === 0) return { date: unreadable[0] ?? parsed[0], unreadable: unreadable.slice(1) };
	const distinct = new Set(readable.map((p) => `${p.iso}|${p.year}|${p.month}|${p.expiryType}`));
	if (distinct.size > 1) {
		const raw = readable.map((p) => p.raw).join(' | ');
		return { date: failed(raw, 'dateConflict', 'the printed forms of this date disagree'), unreadable };
	}
	const best = readable.find((p) => p.precision === 'DAY') ?? readable[0];
	return { date: best, unreadable };
}
