/** Calendar arithmetic shared by the ID validators and the date normalizer (UTC, proleptic Gregorian). */

export interface Ymd {
	year: number;
	month: number;
	day: number;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		year >= 1 &&
		year <= 9999 &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

/** Whether day/month can exist in some year ending in yy (29 February needs a leap year of that ending). */
export function isValidDateInSomeCentury(yy: number, month: number, day: number): boolean {
	return [1800, 1900, 2000].some((century) => isValidDate(century + yy, month, day));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toIso({ year, month, day }: Ymd): string {
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function fromIso(iso: string): Ymd {
	const [year, month, day] = iso.split('-').map(Number);
	return { year, month, day };
}

/** Today's date on the given clock, in UTC: documents carry dates without a time zone. */
export function today(now: Date): Ymd {
	return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

export function compareYmd(a: Ymd, b: Ymd): number {
	return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The most recent year ending in `yy` whose date (month, day) is not after today: the rule for
 * two-digit birth and issue years (docs/normalization.md). Works on the numbers, so an impossible day still gets a year.
 */
export function mostRecentPastYear(yy: number, month: number, day: number, now: Date): number {
	const t = today(now);
	let year = Math.floor(t.year / 100) * 100 + yy;
	if (compareYmd({ year, month, day }, t) > 0) year -= 100;
	return year;
}

/** Whole years between a date of birth and today (the birthday counts on its day). */
export function ageOn(birth: Ymd, now: Date): number {
	const t = today(now);
	let age = t.year - birth.year;
	if (t.month < birth.month || (t.month === birth.month && t.day < birth.day)) age -= 1;
	return age;
}
