/** The one result type every ID validator returns (python-stdnum's errors, as values). */

export type IdError = 'INVALID_FORMAT' | 'INVALID_LENGTH' | 'INVALID_CHECKSUM' | 'INVALID_COMPONENT';

/** What an ID number says about its holder, where it encodes anything. */
export interface IdDerived {
	/** ISO date of birth, when the number fixes the century. */
	dateOfBirth?: string | null;
	/** `YYMMDD` encoded in the number, also when the century is unknown (INE clave, 2032-rule fødselsnummer). */
	birthYYMMDD?: string | null;
	sex?: 'M' | 'F' | 'X' | null;
	/** Variant of the number: D-number, H-number, samordningsnummer, legacy … */
	kind?: string;
	/** Region/state/province code encoded in the number. */
	region?: string;
	/** PAN: holder type letter and its meaning. */
	holderType?: string;
	/** PAN: fifth character, the initial of the surname for individuals. */
	nameInitial?: string;
}

export interface IdValidation {
	/** The compacted number the checks ran on. */
	value: string;
	valid: boolean;
	formatValid: boolean;
	/** null: the identifier has no check digit, or the format was too broken to compute it. */
	checksumValid: boolean | null;
	error?: IdError;
	/** A short sentence saying what passed or what is wrong. */
	message: string;
	/** Passed, but with something a person may want to look at (legacy number, unofficial holder type …). */
	warning?: string;
	/** Aadhaar printed as XXXX XXXX 1234: cannot be validated. */
	masked?: boolean;
	derived?: IdDerived;
}

export interface ValidateOptions {
	/** The clock for century decisions (a two-digit year is the most recent one not in the future). */
	now?: Date;
}

export function invalid(value: string, error: IdError, message: string, checksumValid: boolean | null = null): IdValidation {
	const formatValid = error === 'INVALID_CHECKSUM';
	return { value, valid: false, formatValid, checksumValid: formatValid ? false : checksumValid, error, message };
}

export function passed(
	value: string,
	checksumValid: true | null,
	message: string,
	extra: Pick<IdValidation, 'derived' | 'warning'> = {},
): IdValidation {
	return { value, valid: true, formatValid: true, checksumValid, message, ...extra };
}

/** The uniform shape of an identifier module: compact, validate, isValid, format (python-stdnum's shape). */
export interface IdentifierModule {
	/** The identifier in words, for messages and docs. */
	name: string;
	compact(value: string): string;
	calcCheckDigit?(value: string): string | null;
	validate(value: string, options?: ValidateOptions): IdValidation;
	isValid(value: string, options?: ValidateOptions): boolean;
}
