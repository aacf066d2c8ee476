import { COUNTRIES, VENDORS, documentOperations } from '../../core/catalog';
import type { CountryCode, Operation } from '../../core/catalog/types';

/**
 * The catalog as the node's dropdowns see it: countries, the documents of each country, and the
 * providers of a document that two vendors read. Nothing here is listed by hand.
 */

export interface DocumentChoice {
	country: CountryCode;
	/** The dropdown value: the kind of document and, where it matters, its side (ID_CARD_FRONT …). */
	key: string;
	label: string;
	/** Every catalog operation that reads it, in catalog order (the first is the default provider). */
	operations: Operation[];
}

export function documentKey(op: Operation): string {
	const side = op.document?.side;
	return `${op.document?.documentType}${side === 'front' || side === 'back' ? `_${side.toUpperCase()}` : ''}`;
}

export const OCR_COUNTRIES = COUNTRIES.filter((country) => documentOperations(country.code).length > 0);

export function documentChoices(country: CountryCode): DocumentChoice[] {
	const choices = new Map<string, DocumentChoice>();
	for (const op of documentOperations(country)) {
		const key = documentKey(op);
		const choice = choices.get(key);
		if (choice) choice.operations.push(op);
		else choices.set(key, { country, key, label: op.document?.label ?? op.title, operations: [op] });
	}
	return [...choices.values()];
}

export const ALL_CHOICES: DocumentChoice[] = OCR_COUNTRIES.flatMap((country) => documentChoices(country.code));

/** The operation for the chosen country, document and (where there is a choice) provider. */
export function resolveOperation(country: string, key: string, provider: string | undefined): Operation {
	const choice = ALL_CHOICES.find((c) => c.country === country && c.key === key);
	if (!choice) {
		const known = ALL_CHOICES.filter((c) => c.country === country).map((c) => c.key);
		throw new Error(
			known.length
				? `Document "${key}" is not read for country ${country}; choose one of ${known.join(', ')}`
				: `Country "${country}" is not supported; choose one of ${OCR_COUNTRIES.map((c) => c.code).join(', ')}`,
		);
	}
	if (choice.operations.length === 1 || !provider) return choice.operations[0];
	const op = choice.operations.find((o) => o.id === provider);
	if (!op)
		throw new Error(`Provider "${provider}" does not read this document; choose one of ${choice.operations.map((o) => o.id).join(', ')}`);
	return op;
}

export const providerName = (op: Operation) => VENDORS[op.vendor].name;

/** The image input of an operation (AI Solution `img`, AccuAuth `image`). */
export function imageInputOf(op: Operation): string {
	const input = op.inputs.find((spec) => spec.type === 'image');
	if (!input) throw new Error(`${op.id} takes no image`);
	return input.name;
}
