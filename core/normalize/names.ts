/** Names: whitespace tidied, titles taken off (they go to extras and tell the sex on Thai cards). Case is kept as printed. */
import type { Sex } from './sex';

export function cleanText(value: unknown): string | null {
	if (value === null || value === undefined || typeof value === 'object') return null;
	const text = String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
	return text === '' ? null : text;
}

/** Parts joined with one space; null when there is nothing. */
export function joinNames(...parts: (string | null | undefined)[]): string | null {
	return cleanText(parts.filter(Boolean).join(' '));
}

const TITLES: { title: string; sex: Sex }[] = [
	{ title: 'เด็กหญิง', sex: 'F' },
	{ title: 'เด็กชาย', sex: 'M' },
	{ title: 'นางสาว', sex: 'F' },
	{ title: 'น.ส.', sex: 'F' },
	{ title: 'ด.ญ.', sex: 'F' },
	{ title: 'ด.ช.', sex: 'M' },
	{ title: 'นาง', sex: 'F' },
	{ title: 'นาย', sex: 'M' },
	{ title: 'MASTER', sex: 'M' },
	{ title: 'MISS', sex: 'F' },
	{ title: 'MRS', sex: 'F' },
	{ title: 'MR', sex: 'M' },
	{ title: 'MS', sex: 'F' },
];

export interface TitledName {
	title: string | null;
	sex: Sex | null;
	/** The name without the title. */
	name: string | null;
}

/**
 * Takes a leading title off (`น.ส.  พรนภา ยิ่งเภตรา`, `Miss. Ponnapa`, `MR. ANIRUT THONGRAKYU`). A title must be
 * followed by a dot or a space, so a first name that merely starts like a title is left alone.
 */
export function splitTitle(value: unknown): TitledName {
	const text = cleanText(value);
	if (!text) return { title: null, sex: null, name: null };
	for (const { title, sex } of TITLES) {
		const head = text.slice(0, title.length);
		if (head.toUpperCase() !== title) continue;
		const rest = text.slice(title.length);
		const m = /^(\.?)(\s*)/.exec(rest)!;
		if (!title.endsWith('.') && !m[1] && !m[2]) continue;
		const name = cleanText(rest.slice(m[0].length));
		if (name) return { title: head + m[1], sex, name };
	}
	return { title: null, sex: null, name: text };
}

/** First token and the rest (Thai names: one given name, one family name). */
export function firstAndRest(name: string | null): { first: string | null; rest: string | null } {
	if (!name) return { first: null, rest: null };
	const [first, ...rest] = name.split(' ');
	return { first, rest: rest.length ? rest.join(' ') : null };
}

const PARTICLES = new Set(['DE', 'DEL', 'LA', 'LAS', 'LOS', 'Y', 'SAN', 'SANTA', 'VON', 'VAN']);

/**
 * A Spanish-style name printed surnames first (`JIMENEZ FLORES MARTHA ISABEL`): split only when it has
 * exactly four words and no particles (two surnames, two given names); otherwise the split is not safe.
 */
export function splitSurnamesFirst(fullName: string | null): { lastName: string; firstName: string } | null {
	if (!fullName) return null;
	const words = fullName.split(' ');
	if (words.length !== 4 || words.some((w) => PARTICLES.has(w.toUpperCase()))) return null;
	return { lastName: words.slice(0, 2).join(' '), firstName: words.slice(2).join(' ') };
}
