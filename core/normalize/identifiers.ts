import type { IdValidation, IdentifierModule } from '../validate/result';
import { idChecks } from './checks';
import type { CanonicalDocument, CheckName, Checks } from './types';

/**
 * An ID number a document prints, declared once: where it goes in the canonical document, how it is validated and
 * which checks report on it. A read and a recheck of reviewed fields use the same declaration.
 */
export interface Identifier {
	field: Extract<keyof CanonicalDocument, 'documentNumber' | 'personalNumber'>;
	/** How a person names it in a check's reason: "CURP", "licence number". */
	label: string;
	format: CheckName;
	checksum: CheckName | null;
	validate: (value: string, now: Date) => IdValidation;
}

/** Validates a number if there is one; the compacted value goes to the document even when it is invalid. */
export const readIdentifier = (id: Identifier, value: string | null, now: Date): IdValidation | null =>
	value === null ? null : id.validate(value, now);

export const identifierChecks = (id: Identifier, validation: IdValidation | null): Checks =>
	idChecks(id.format, id.checksum, validation, id.label);

/** An identifier from its validator module: its checks are `<field>Format`, and `<field>Checksum` where it has a check digit. */
export function identifier(
	field: Identifier['field'],
	label: string,
	module: Pick<IdentifierModule, 'validate'>,
	hasCheckDigit: boolean,
): Identifier {
	return {
		field,
		label,
		format: `${field}Format`,
		checksum: hasCheckDigit ? `${field}Checksum` : null,
		validate: (value, now) => module.validate(value, { now }),
	};
}
