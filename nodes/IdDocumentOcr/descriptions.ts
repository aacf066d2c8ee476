import type { IDisplayOptions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { VENDORS } from '../../core/catalog';
import type { InputSpec, Operation, VendorId } from '../../core/catalog/types';
import { CREDENTIAL_OF } from '../shared/credentials';
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

export const countryProperty: INodeProperties = {
	displayName: 'Country',
	name: 'country',
	type: 'options',
	options: byLabel(OCR_COUNTRIES.map((country) => ({ name: country.name, value: country.code }))),
	default: firstCountry,
	description: 'The country that issued the document',
};

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

export const parameterName = (spec: InputSpec) => spec.name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const isSwitch = (spec: InputSpec) => spec.allowed?.length === 2 && spec.allowed.map(String).sort().join() === '0,1';

function humanName(name: string): string {
	return name
		.split('_')
		.map((part) => part[0].toUpperCase() + part.slice(1))
		.join(' ');
}

export const extraInputProperties: INodeProperties[] = ALL_CHOICES.flatMap((choice) => choice.operations).flatMap((op) =>
	extraInputs(op).map((spec): INodeProperties => {
		const common = { displayName: humanName(spec.name), name: parameterName(spec), description: spec.description, displayOptions: showFor(op) };
		if (isSwitch(spec)) return { ...common, type: 'boolean', default: false };
		if (spec.allowed) return { ...common, type: 'options', options: spec.allowed.map((v) => ({ name: String(v), value: v })), default: spec.allowed[0] };
		return { ...common, type: spec.type === 'integer' ? 'number' : 'string', default: spec.type === 'integer' ? 0 : '' };
	}),
);

/** The value an extra input parameter sends (a switch sends 1 or 0). */
export function extraInputValue(spec: InputSpec, value: unknown): string | number | undefined {
	if (isSwitch(spec)) return value ? 1 : 0;
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
export function ocrCredentials(): INodeCredentialDescription[] {
	const vendors = Object.keys(VENDORS) as VendorId[];
	return vendors.map((vendor) => {
		const served = new Set(ALL_CHOICES.filter((c) => c.operations.some((op) => op.vendor === vendor)).map((c) => c.country));
		const notServed = OCR_COUNTRIES.map((country) => country.code).filter((code) => !served.has(code));
		const otherProviders = ALL_CHOICES.filter((c) => c.operations.length > 1).flatMap((c) => c.operations.filter((op) => op.vendor !== vendor).map((op) => op.id));
		const hide: Record<string, string[]> = {};
		if (notServed.length) hide.country = notServed;
		if (otherProviders.length) hide.provider = otherProviders;
		return { name: CREDENTIAL_OF[vendor], required: true, displayOptions: { hide } };
	});
}
