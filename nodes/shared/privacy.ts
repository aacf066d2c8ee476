import type { IDataObject } from 'n8n-workflow';
import { documentNormalizer, type CanonicalDocument } from '../../core';

/** Shows only the last four characters: enough to tell two records apart, not enough to use the number. */
export function maskNumber(value: string): string {
	const keep = value.slice(-4);
	return `${'*'.repeat(Math.max(0, value.length - keep.length))}${keep}`;
}

/** The full numbers of a document that "masked" hides wherever they appear (document, checks, raw, messages). */
export function personalNumbersOf(operationId: string, document: CanonicalDocument | null | undefined): string[] {
	if (!document) return [];
	// The core's extras declaration says which extras identify the person or the card.
	const extras = documentNormalizer(operationId)
		.extras.filter((extra) => extra.personal)
		.map((extra) => document.extras?.[extra.name]);
	return [document.documentNumber, document.personalNumber, ...extras].filter(
		(value): value is string => typeof value === 'string' && value.length > 4,
	);
}

/** Replaces every occurrence of each number in every string of the item, after the checks have run on them. */
export function maskNumbers<T>(value: T, numbers: readonly string[]): T {
	const longestFirst = [...new Set(numbers)].sort((a, b) => b.length - a.length);
	if (!longestFirst.length) return value;
	const maskText = (text: string) => longestFirst.reduce((out, number) => out.split(number).join(maskNumber(number)), text);
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return maskText(node);
		if (Array.isArray(node)) return node.map(walk);
		if (node && typeof node === 'object')
			return Object.fromEntries(Object.entries(node as IDataObject).map(([key, inner]) => [key, walk(inner)]));
		return node;
	};
	return walk(value) as T;
}
