import type { IDisplayOptions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { fieldName } from '../../core/catalog';
import type { InputSpec, Operation, VendorId } from '../../core/catalog/types';
import { ALL_CHOICES, OCR_COUNTRIES, documentChoices, providerName } from './documents';

/** The node's parameters, generated from the catalog: one dropdown entry per country, document and provider. */

const byLabel = <T extends { name: string }>(options: T[]) => [...options].sort((a, b) => a.name.localeCompare(b.name));

/** The parameters that pick exactly this operation. */
export function showFor(op: Operation): IDisplayOptions {
	const choice = ALL_CHOICES.find((c) => c.operations.includes(op));
	if (!choice) throw new Error(`${op.id} is not an OCR operation`);
	return {
		show: {
			country: [choice.country],
			document: [choice.key],
			...(choice.operations.length > 1 ? { provider: [op.id] } : {}),
		},
	};
}

const firstCountry = OCR_COUNTRIES[0].code;
const countryCodes = OCR_COUNTRIES.map((country) => country.code);
const countryOptions = byLabel(OCR_COUNTRIES.map((country) => ({ name: country.name, value: country.code })));

/**
 * Version 1 starts on the first country (Colombia), as it always did: saved workflows rely on that default.
 * Version 2 starts empty, so a new node cannot silently read every document as a Colombian cédula.
 */
export const countryProperties: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'options',
		options: countryOptions,
		default: firstCountry,
		description: 'The country that issued the document',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'options',
		options: countryOptions,
		default: '',
		required: true,
		description: 'The country that issued the document',
		displayOptions: { show: { '@version': [2] } },
	},
];

const humanKey = (key: string) =>
	key
		.toLowerCase()
		.replace(/_/g, ' ')
		.replace(/^id\b/, 'ID')
		.replace(/^./, (c) => c.toUpperCase());

/**
 * When Country is an expression, the editor cannot tell which country's Document list to show: this one lists
 * every kind of document, each with the countries that issue it, and the run checks the pair per item.
 */
export const anyCountryDocumentProperty: INodeProperties = {
	displayName: 'Document',
	name: 'document',
	type: 'options',
	displayOptions: { hide: { country: countryCodes } },
	options: [...new Set(ALL_CHOICES.map((choice) => choice.key))].map((key) => {
		const countries = ALL_CHOICES.filter((choice) => choice.key === key).map(
			(choice) => OCR_COUNTRIES.find((c) => c.code === choice.country)?.name,
		);
		return { name: `${humanKey(key)} (${countries.join(', ')})`, value: key };
	}),
	default: 'ID_CARD',
	description: 'The document in the image. Shown when Country is an expression; each item must name a country that issues it.',
};

/** Which vendor reads a document two vendors read, when Country is an expression. */
export const anyCountryProviderProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	displayOptions: { hide: { country: countryCodes } },
	options: [
		{ name: 'The Default Vendor', value: '', description: 'The first vendor that reads the document' },
		...ALL_CHOICES.filter((choice) => choice.operations.length > 1).flatMap((choice) =>
			choice.operations.map((op) => ({ name: `${providerName(op)} (${choice.label})`, value: op.id, description: op.title })),
		),
	],
	default: '',
	description: 'Which vendor reads the document, where two can',
};

/** "Germany · ID card (Personalausweis)": what the node's subtitle shows, never the codes. */
export const ocrSubtitle = (() => {
	const countries = Object.fromEntries(OCR_COUNTRIES.map((country) => [country.code, country.name]));
	const documents = Object.fromEntries(ALL_CHOICES.map((choice) => [`${choice.country}:${choice.key}`, choice.label]));
	const country = `(${JSON.stringify(countries)})[$parameter["country"]] || $parameter["country"]`;
	const document = `(${JSON.stringify(documents)})[$parameter["country"] + ":" + $parameter["document"]] || $parameter["document"]`;
	return `={{$parameter["operation"] === "validateFields" ? "Validate fields" : [${country}, ${document}].filter(Boolean).join(" · ")}}`;
})();

export const documentProperties: INodeProperties[] = OCR_COUNTRIES.map((country) => {
	const choices = documentChoices(country.code);
	const firstDocument = choices[0].key;
	return {
		displayName: 'Document',
		name: 'document',
		type: 'options',
		displayOptions: { show: { country: [country.code] } },
		options: byLabel(choices.map((choice) => ({ name: choice.label, value: choice.key }))),
		default: firstDocument,
		description: 'The document in the image',
	};
});

export const providerProperties: INodeProperties[] = ALL_CHOICES.filter((choice) => choice.operations.length > 1).map((choice) => {
	const firstProvider = choice.operations[0].id;
	return {
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		displayOptions: { show: { country: [choice.country], document: [choice.key] } },
		options: byLabel(choice.operations.map((op) => ({ name: providerName(op), value: op.id, description: op.title }))),
		default: firstProvider,
		description: 'Which vendor reads the document',
	};
});

/** Inputs other than the image (Ecuador's detect_face) become parameters of their own operation. */
export function extraInputs(op: Operation): InputSpec[] {
	return op.inputs.filter((spec) => spec.type !== 'image');
}

export const parameterName = (spec: InputSpec) => fieldName(spec.name);

const isSwitch = (spec: InputSpec) => spec.type === 'flag';

function humanName(name: string): string {
	return name
		.split('_')
		.map((part) => part[0].toUpperCase() + part.slice(1))
		.join(' ');
}

export const extraInputProperties: INodeProperties[] = ALL_CHOICES.flatMap((choice) => choice.operations).flatMap((op) =>
	extraInputs(op).map((spec): INodeProperties => {
		const common = {
			displayName: humanName(spec.name),
			name: parameterName(spec),
			description: spec.description,
			displayOptions: showFor(op),
		};
		if (isSwitch(spec)) return { ...common, type: 'boolean', default: false };
		if (spec.allowed)
			return { ...common, type: 'options', options: spec.allowed.map((v) => ({ name: String(v), value: v })), default: spec.allowed[0] };
		return { ...common, type: spec.type === 'integer' ? 'number' : 'string', default: spec.type === 'integer' ? 0 : '' };
	}),
);

/** The value an extra input parameter gives the core (a switch gives true or false; the core sends 1 or 0). */
export function extraInputValue(spec: InputSpec, value: unknown): string | number | boolean | undefined {
	if (isSwitch(spec)) return value === true;
	if (value === '' || value === undefined || value === null) return undefined;
	return value as string | number;
}

export const outputFieldProperties: INodeProperties[] = ALL_CHOICES.flatMap((choice) => choice.operations)
	.filter((op) => op.fields.length > 0)
	.map((op) => ({
		displayName: 'Output Fields',
		name: 'outputFields',
		type: 'multiOptions',
		displayOptions: showFor(op),
		options: byLabel(op.fields.map((field) => ({ name: field.label, value: field.key, description: field.description }))),
		default: [],
		description: "The vendor's fields to keep in raw. None chosen keeps them all.",
	}));

/**
 * Each vendor's credential, hidden for the countries it does not serve and where the other vendor was chosen.
 * Only `hide`: a credential shown for a list of countries covering them all makes n8n's editor take Country
 * for the node's authentication field and move it out of the parameters (n8n-editor-ui getMainAuthField).
 */
export function ocrCredentialDisplay(vendor: VendorId): INodeCredentialDescription['displayOptions'] {
	const served = new Set(ALL_CHOICES.filter((c) => c.operations.some((op) => op.vendor === vendor)).map((c) => c.country));
	const notServed = OCR_COUNTRIES.map((country) => country.code).filter((code) => !served.has(code));
	const otherProviders = ALL_CHOICES.filter((c) => c.operations.length > 1).flatMap((c) =>
		c.operations.filter((op) => op.vendor !== vendor).map((op) => op.id),
	);
	// Validate Fields is offline: it needs no credential at all.
	const hide: Record<string, string[]> = { operation: ['validateFields'] };
	if (notServed.length) hide.country = notServed;
	if (otherProviders.length) hide.provider = otherProviders;
	return { hide };
}
