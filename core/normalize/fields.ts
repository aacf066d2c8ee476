/** Reading a vendor answer that may be missing, partial or oddly typed, without ever throwing. */
import { cleanText } from './names';

/** The text at `path` (`card_info.name` walks into objects); numbers become text; empty is null. */
export function readText(data: unknown, path: string): string | null {
	let node: unknown = data;
	for (const key of path.split('.')) {
		if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
		node = (node as Record<string, unknown>)[key];
	}
	if (typeof node !== 'string' && typeof node !== 'number') return null;
	return cleanText(node);
}

/** The first of several keys that has text (a vendor field named two ways, e.g. CardId / CardNumber). */
export function readFirst(data: unknown, ...paths: string[]): string | null {
	for (const path of paths) {
		const text = readText(data, path);
		if (text !== null) return text;
	}
	return null;
}

/**
 * An answer read by the keys its operation declares. `K` is the entry's FieldKey, so a key the entry does not
 * list (a typo) does not compile.
 */
export interface AnswerReader<K extends string> {
	/** As readText. */
	text(key: K): string | null;
	/** As readFirst. */
	first(...keys: K[]): string | null;
}

export function readAnswer<K extends string>(data: unknown): AnswerReader<K> {
	return { text: (key) => readText(data, key), first: (...keys) => readFirst(data, ...keys) };
}

/** `179CM` → 179, `1.72` (metres) → 172; null when it is not a height. */
export function heightInCm(value: string | null): number | null {
	if (!value) return null;
	const m = /^(\d+(?:[.,]\d+)?)\s*(CM|M)?$/i.exec(value.trim());
	if (!m) return null;
	const n = Number(m[1].replace(',', '.'));
	const metres = m[2]?.toUpperCase() === 'M' || (!m[2] && n < 3);
	const cm = Math.round(metres ? n * 100 : n);
	return cm >= 40 && cm <= 250 ? cm : null;
}
