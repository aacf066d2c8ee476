/**
 * Month names and abbreviations of every language on the documents in scope, as one union
 * table: no token means two different months in two languages, so the language never has to be guessed.
 * Full names are added for the vendors that spell months out (Thai licence: `24 December 2018`).
 */

const MONTHS: readonly (readonly string[])[] = [
	/* 1 */ ['JAN', 'ENE', 'JANUARY', 'JANUAR', 'JANUARI', 'ENERO', 'ม.ค.', 'มกราคม'],
	/* 2 */ ['FEB', 'FEBRUARY', 'FEBRUAR', 'FEBRUARI', 'FEBRERO', 'ก.พ.', 'กุมภาพันธ์'],
	/* 3 */ ['MAR', 'MAA', 'MRT', 'MARS', 'MÄR', 'MARCH', 'MÄRZ', 'MAART', 'MARET', 'MARZO', 'มี.ค.', 'มีนาคม'],
	/* 4 */ ['APR', 'ABR', 'APRIL', 'ABRIL', 'เม.ย.', 'เมษายน'],
	/* 5 */ ['MAY', 'MEI', 'MAI', 'MAJ', 'MAYO', 'พ.ค.', 'พฤษภาคม'],
	/* 6 */ ['JUN', 'JUNI', 'JUNE', 'JUNIO', 'มิ.ย.', 'มิถุนายน'],
	/* 7 */ ['JUL', 'JULI', 'JULY', 'JULIO', 'ก.ค.', 'กรกฎาคม'],
	/* 8 */ ['AUG', 'AGO', 'AGU', 'AGS', 'AUGUST', 'AUGUSTUS', 'AUGUSTI', 'AGOSTO', 'AGUSTUS', 'ส.ค.', 'สิงหาคม'],
	/* 9 */ ['SEP', 'SEPT', 'SET', 'SEPTEMBER', 'SEPTIEMBRE', 'SETIEMBRE', 'ก.ย.', 'กันยายน'],
	/* 10 */ ['OCT', 'OKT', 'OCTOBER', 'OKTOBER', 'OCTUBRE', 'ต.ค.', 'ตุลาคม'],
	/* 11 */ ['NOV', 'NOVEMBER', 'NOVIEMBRE', 'พ.ย.', 'พฤศจิกายน'],
	/* 12 */ ['DEC', 'DES', 'DIC', 'DEZ', 'DECEMBER', 'DEZEMBER', 'DESEMBER', 'DICIEMBRE', 'ธ.ค.', 'ธันวาคม'],
];

/** Upper-case, without dots and spaces: `Jan.` → `JAN`, `ม. ค.` → `มค` (OCR drops Thai dots and adds spaces). */
export function monthKey(token: string): string {
	return token.normalize('NFKC').toUpperCase().replace(/[.\s]/g, '');
}

const BY_KEY = new Map<string, number>();
MONTHS.forEach((tokens, i) => tokens.forEach((t) => BY_KEY.set(monthKey(t), i + 1)));

/** Every token of the table with its month, for tests and docs. */
export const MONTH_TOKENS: readonly { token: string; month: number }[] = MONTHS.flatMap((tokens, i) =>
	tokens.map((token) => ({ token, month: i + 1 })),
);

/** The month (1–12) a single token names, or null. */
export function monthOf(token: string): number | null {
	return BY_KEY.get(monthKey(token)) ?? null;
}

/**
 * A month field that may be bilingual (`MAA/MAR`, `OKT/OCT`): both halves must agree when both are read,
 * one readable half is enough, and halves naming two different months are a conflict.
 */
export function readMonthField(field: string): { month: number | null; conflict: boolean } {
	const halves = field
		.split('/')
		.map((h) => h.trim())
		.filter(Boolean);
	const months = [...new Set(halves.map(monthOf).filter((m): m is number => m !== null))];
	if (months.length > 1) return { month: null, conflict: true };
	return { month: months[0] ?? null, conflict: false };
}
