import type { DocumentType } from '../catalog/types';

/** The canonical document: one shape for every vendor and country. */
export interface CanonicalDocument {
	documentType: DocumentType;
	/** ISO 3166-1 alpha-3. */
	issuingCountry: string;
	documentNumber: string | null;
	/** The national identity number printed on the document (NIK, fødselsnummer, personnummer, CURP, Thai PIN …). */
	personalNumber: string | null;
	firstName: string | null;
	lastName: string | null;
	fullName: string | null;
	/** Names in the local script where the card prints them (Thai). */
	firstNameLocal: string | null;
	lastNameLocal: string | null;
	fullNameLocal: string | null;
	/** ISO YYYY-MM-DD, or null when absent or unparseable (the raw value stays in `raw`, and a check says so). */
	dateOfBirth: string | null;
	yearOfBirth: number | null;
	dateOfIssue: string | null;
	dateOfExpiry: string | null;
	/** DATE: the document expires on dateOfExpiry; LIFETIME: valid for life; NONE: this document has no expiry. */
	expiryType: 'DATE' | 'LIFETIME' | 'NONE' | null;
	/** How precise each date is, where it is less than a day (INE expiry is a year). */
	datePrecision: { dateOfBirth: DatePrecision; dateOfIssue: DatePrecision; dateOfExpiry: DatePrecision };
	sex: 'M' | 'F' | 'X' | null;
	/** ISO 3166-1 alpha-3. */
	nationality: string | null;
	placeOfBirth: string | null;
	address: Address | null;
	/** What only this document has (Aadhaar VID, CURP, voter id, blood type, card side …); keys are listed by its normalizer. */
	extras: Record<string, string | number | boolean | null>;
}

export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR' | null;

export interface Address {
	raw: string | null;
	street: string | null;
	village: string | null;
	district: string | null;
	city: string | null;
	region: string | null;
	postcode: string | null;
	country: string | null;
}

/** true: passed; false: failed; null: could not run (never a silent pass). */
export interface Check {
	result: boolean | null;
	reason: string;
}

/** Every check a document can carry; a document leaves out the ones that do not apply to it. */
export const CHECK_NAMES = [
	'documentNumberFormat',
	'documentNumberChecksum',
	'personalNumberFormat',
	'personalNumberChecksum',
	/** Aadhaar Virtual ID (Verhoeff). */
	'vidChecksum',
	/** Aadhaar Virtual ID: 16 digits, first 2–9. */
	'vidFormat',
	/** Date of birth and sex encoded in the ID number agree with the printed ones; Aadhaar front against back. */
	'consistency',
	/** true while the document is valid on the check's clock. */
	'notExpired',
	/** true when the holder is at least the minimum age. */
	'ageOver',
	/** Every date the vendor returned could be read. */
	'datesParsed',
	/** The dates make sense together: birth and issue not in the future, issue after birth, expiry after issue. */
	'datesPlausible',
	/** The card the vendor read is the kind that was asked for (the Thai endpoint reads both kinds). */
	'documentTypeMatches',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

export type Checks = Partial<Record<CheckName, Check>>;

export interface NormalizeOptions {
	/** The clock for expiry and age; tests set it. */
	now?: Date;
	/** Minimum age for the ageOver check (default DEFAULT_MINIMUM_AGE, in core/defaults). */
	minimumAge?: number;
}

/** A check that failed makes a recognized document need a person's review. */
export function needsReview(checks: Checks | undefined): boolean {
	return !!checks && Object.values(checks).some((c) => c?.result === false);
}
