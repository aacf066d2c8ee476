/** Building a canonical document: the blank one for an operation, and its dates read by role. */
import type { DocumentInfo } from '../catalog/types';
import { parseDateSources, type DateRole, type ParsedDate } from './dates';
import { alpha3Of } from './nationality';
import type { ExtraField, NormalizeContext } from './normalizer';
import type { CanonicalDocument } from './types';

/** A normalizer's extras; their names keep their literal types, so `doc.extras.<typo>` does not compile. */
export const extraFields = <const N extends string>(fields: readonly ExtraField<N>[]): readonly ExtraField<N>[] => fields;

/** A canonical document whose extras are the declared ones. */
export type DocumentDraft<N extends string> = Omit<CanonicalDocument, 'extras'> & {
	extras: Record<N, CanonicalDocument['extras'][string]>;
};

/** Everything null; type and country from the operation's catalog entry; every declared extra present as null. */
export function emptyDocument<N extends string>(info: DocumentInfo, extras: readonly ExtraField<N>[]): DocumentDraft<N> {
	return {
		documentType: info.documentType,
		issuingCountry: alpha3Of(info.country),
		documentNumber: null,
		personalNumber: null,
		firstName: null,
		lastName: null,
		fullName: null,
		firstNameLocal: null,
		lastNameLocal: null,
		fullNameLocal: null,
		dateOfBirth: null,
		yearOfBirth: null,
		dateOfIssue: null,
		dateOfExpiry: null,
		expiryType: null,
		datePrecision: { dateOfBirth: null, dateOfIssue: null, dateOfExpiry: null },
		sex: null,
		nationality: null,
		placeOfBirth: null,
		address: null,
		extras: Object.fromEntries(extras.map((e) => [e.name, null])) as Record<N, null>,
	};
}

/** One printed form of a date; a Thai-side field says it is Buddhist era. */
export interface DateSource {
	value: unknown;
	era?: 'BE' | 'CE';
}

export interface DateInputs {
	dateOfBirth?: DateSource[];
	dateOfIssue?: DateSource[];
	dateOfExpiry?: DateSource[];
}

/** What reading the dates found, for the datesParsed check. */
export interface DateReport {
	problems: string[];
	read: number;
	/** The parse of each field, for normalizers that compare dates with ID numbers. */
	parsed: Partial<Record<keyof DateInputs, ParsedDate>>;
}

const ROLES: Record<keyof DateInputs, DateRole> = { dateOfBirth: 'birth', dateOfIssue: 'issue', dateOfExpiry: 'expiry' };

/**
 * Reads the dates into the document. `expires: false` is for documents that never expire (Aadhaar, PAN,
 * Colombian cédula): expiryType NONE.
 */
export function applyDates(doc: CanonicalDocument, inputs: DateInputs, ctx: NormalizeContext, expires = true): DateReport {
	const report: DateReport = { problems: [], read: 0, parsed: {} };
	for (const field of Object.keys(ROLES) as (keyof DateInputs)[]) {
		const sources = inputs[field];
		if (!sources?.length) continue;
		const { date, unreadable } = parseDateSources(sources, { role: ROLES[field], now: ctx.now });
		report.parsed[field] = date;
		countInto(report, field, date, unreadable);
		if (date.problem) continue;
		if (field === 'dateOfExpiry' && date.expiryType === 'LIFETIME') doc.expiryType = 'LIFETIME';
		if (date.flags.includes('empty')) continue;
		doc[field] = date.iso;
		doc.datePrecision[field] = date.precision;
		if (field === 'dateOfBirth') doc.yearOfBirth = date.year;
		if (field === 'dateOfExpiry' && date.iso) doc.expiryType = 'DATE';
	}
	if (!expires) doc.expiryType = 'NONE';
	return report;
}

/** A date that goes to extras (Aadhaar download date): ISO or null, counted in the same report. */
export function extraDate(report: DateReport, label: string, value: unknown, role: DateRole, ctx: NormalizeContext): string | null {
	const { date, unreadable } = parseDateSources([{ value }], { role, now: ctx.now });
	countInto(report, label, date, unreadable);
	return date.problem ? null : date.iso;
}

function countInto(report: DateReport, label: string, date: ParsedDate, unreadable: ParsedDate[]): void {
	if (date.problem) report.problems.push(`${label}: ${date.problem}`);
	else if (!date.flags.includes('empty')) report.read++;
	for (const u of unreadable) report.problems.push(`${label} (second printed form): ${u.problem}`);
}
