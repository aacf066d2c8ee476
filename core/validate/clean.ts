/** Text clean-up before an ID number is checked: nothing here guesses a character. */

const THAI_DIGITS = /[\u0E50-\u0E59]/g;

/** Thai digits ๐–๙ → 0–9 (Thai cards print both). */
export function toAsciiDigits(value: string): string {
	return value.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * NFKC, Thai digits to ASCII, upper-case, and the separators people print removed
 * (whitespace, `-`, `.`, `/` unless `keep` says otherwise). Look-alike letters are never swapped:
 * an `O` read for a `0` stays an `O` and the validator says so.
 */
export function cleanId(value: string, keep = ''): string {
	const separators = [' ', '-', '.', '/'].filter((s) => !keep.includes(s));
	let out = toAsciiDigits(String(value).normalize('NFKC')).replace(/\s+/g, ' ');
	for (const s of separators) out = out.split(s).join('');
	return out.trim().toUpperCase();
}

/** A hint for the message when letters sit where digits belong (typical OCR slips O/0, I/1, S/5, B/8). */
export function lookAlikeHint(value: string): string {
	const slips = [...new Set(value.match(/[OQDILSBZ]/g) ?? [])];
	return slips.length ? ` (it contains ${slips.join(', ')}: a digit may have been read as a letter)` : '';
}
