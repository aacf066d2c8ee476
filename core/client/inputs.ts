import { VENDORS, flagValue } from '../catalog';
import type { InputSpec, Operation } from '../catalog/types';
import type { Problem } from '../outcome';
import { normalizePhoneNumber } from '../phone';
import { prepareImage, type ImageWords } from './precheck';
import type { PreparedInputs } from './request';

export type CallInput = Record<string, unknown>;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const refused = (code: string, message: string, input: string, limit?: string, value?: string): { problem: Problem } => ({
	problem: {
		code,
		message,
		retryable: false,
		vendorStatus: null,
		input,
		...(limit ? { limit } : {}),
		...(value !== undefined ? { value } : {}),
	},
});

/** Turns caller input into what goes on the wire, or says why it cannot: checked locally, so it costs nothing. */
export function prepareInputs(op: Operation, input: CallInput): { inputs: PreparedInputs } | { problem: Problem } {
	const inputs: PreparedInputs = {};
	let countryOfNumber: string | null | undefined;
	const known = new Set(op.inputs.map((spec) => spec.name));
	for (const name of Object.keys(input)) {
		if (input[name] !== undefined && !known.has(name)) {
			return refused('UNKNOWN_INPUT', `${op.title} takes ${[...known].join(', ')}; "${name}" is not one of them`, name);
		}
	}
	for (const spec of op.inputs) {
		const value = input[spec.name];
		if (value === undefined || value === null || value === '') {
			if (spec.required) return refused('MISSING_INPUT', `${op.title} needs ${lowerFirst(spec.description)}`, spec.name);
			continue;
		}
		if (spec.type === 'image') {
			const prepared = prepareImage(value, spec.name, imageWords(op, spec), op.limits);
			if ('problem' in prepared) return prepared;
			inputs[spec.name] = prepared.image;
			continue;
		}
		if (spec.type === 'flag') {
			const flag = flagValue(value);
			if (flag === null)
				return refused(
					'INVALID_INPUT',
					`"${spec.name}" is a yes/no setting (true or false, 1 or 0), got ${JSON.stringify(value)}`,
					spec.name,
					'true or false',
					String(value),
				);
			inputs[spec.name] = flag;
			continue;
		}
		if (spec.type === 'phone') {
			const phone = normalizePhoneNumber(value, typeof input.country === 'string' ? input.country : null);
			if (!phone.ok) return { problem: phone.problem };
			inputs[spec.name] = phone.e164;
			countryOfNumber = phone.country;
			continue;
		}
		const text = String(value);
		if (spec.type === 'integer' && !/^-?\d+$/.test(text)) {
			return refused('INVALID_INPUT', `"${spec.name}" must be a whole number, got ${JSON.stringify(text)}`, spec.name, 'integer', text);
		}
		if (spec.allowed && !spec.allowed.map(String).includes(text)) {
			const allowed = spec.allowed.join(', ');
			return refused('INVALID_INPUT', `"${spec.name}" must be one of ${allowed}, got ${JSON.stringify(text)}`, spec.name, allowed, text);
		}
		inputs[spec.name] = text;
	}
	// The vendor wants the country's code; people may have typed its name, or one the number contradicts.
	if (countryOfNumber !== undefined && inputs.country !== undefined) {
		if (countryOfNumber) inputs.country = countryOfNumber;
		else delete inputs.country;
	}
	return { inputs };
}

/** "The image", or "The first image" where an operation takes two; and the vendor by name. */
function imageWords(op: Operation, spec: InputSpec): ImageWords {
	const several = op.inputs.filter((input) => input.type === 'image').length > 1;
	const what = several ? `The ${lowerFirst(spec.description)}` : 'The image';
	return { what, vendor: VENDORS[op.vendor].name };
}
