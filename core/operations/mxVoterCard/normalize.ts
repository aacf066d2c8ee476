/**
 * Mexico INE voter card, front. The clave de elector is the document number and the CURP the personal
 * number; both encode the date of birth and sex, which must agree with each other and with the printed
 * ones. `M` on this card means mujer (F). The validity is printed as years only: the expiry is the last day
 * of the expiry year, the issue date has year precision.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { compare, compareYYMMDD, consistencyCheck } from '../../normalize/checks';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import { joinNames } from '../../normalize/names';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import { parseSex } from '../../normalize/sex';
import { curp, ineClave } from '../../validate';
import type { mxVoterCard } from './entry';

const CLAVE_DE_ELECTOR = identifier('documentNumber', 'clave de elector', ineClave, false);
const CURP = identifier('personalNumber', 'CURP', curp, true);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [CLAVE_DE_ELECTOR, CURP];

type Key = FieldKey<typeof mxVoterCard>;

export const extras = extraFields([
	{ name: 'curp', description: 'CURP (18 characters); also the personalNumber', type: 'string', personal: true },
	{ name: 'voterId', description: 'Clave de elector (18 characters); also the documentNumber', type: 'string', personal: true },
	{ name: 'paternalSurname', description: 'First surname (apellido paterno)', type: 'string' },
	{ name: 'maternalSurname', description: 'Second surname (apellido materno)', type: 'string' },
	{ name: 'issueYear', description: 'Year of issue (EMISIÓN)', type: 'number' },
	{ name: 'registrationYearAndMonth', description: 'AÑO DE REGISTRO as printed, YYYYMM', type: 'string' },
	{ name: 'stateNumber', description: 'State number (ESTADO)', type: 'string' },
	{ name: 'municipalNumber', description: 'Municipality number (MUNICIPIO)', type: 'string' },
	{ name: 'placeNumber', description: 'Locality number (LOCALIDAD)', type: 'string' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const voterId = readIdentifier(CLAVE_DE_ELECTOR, answer.text('voterId'), ctx.now);
	const personal = readIdentifier(CURP, answer.text('idNumber'), ctx.now);
	doc.documentNumber = voterId?.value ?? null;
	doc.personalNumber = personal?.value ?? null;
	const paternal = answer.text('fatherLastName');
	const maternal = answer.text('motherLastName');
	doc.firstName = answer.text('name');
	doc.lastName = joinNames(paternal, maternal);
	doc.fullName = answer.text('fullName') ?? joinNames(doc.lastName, doc.firstName);
	doc.sex = parseSex(answer.text('gender'), { mexican: true }).sex;
	const raw = answer.text('addressAll');
	const postcode = answer.text('postalCode');
	const city = answer.text('district');
	const region = answer.text('state');
	if (raw || postcode || city || region)
		doc.address = { raw, street: null, village: null, district: null, city, region, postcode, country: null };
	const issueYear = answer.text('issueYear');
	Object.assign(doc.extras, {
		curp: doc.personalNumber,
		voterId: doc.documentNumber,
		paternalSurname: paternal,
		maternalSurname: maternal,
		issueYear: issueYear && /^\d{4}$/.test(issueYear) ? Number(issueYear) : null,
		registrationYearAndMonth: answer.text('registrationYearAndMonth'),
		stateNumber: answer.text('stateNumber'),
		municipalNumber: answer.text('municipalNumber'),
		placeNumber: answer.text('placeNumber'),
	} satisfies typeof doc.extras);
	const report = applyDates(
		doc,
		{
			dateOfBirth: [{ value: answer.text('birthday') }],
			dateOfIssue: [{ value: issueYear }],
			dateOfExpiry: [{ value: answer.text('expiryYear') }],
		},
		ctx,
	);
	const fromCurp = personal?.valid ? personal.derived : undefined;
	const fromClave = voterId?.valid ? voterId.derived : undefined;
	return {
		document: doc,
		checks: {
			...identifierChecks(CLAVE_DE_ELECTOR, voterId),
			...identifierChecks(CURP, personal),
			consistency: consistencyCheck([
				compare('CURP date of birth vs printed date of birth', fromCurp?.dateOfBirth, doc.dateOfBirth),
				compare('CURP sex vs printed sex', fromCurp?.sex, doc.sex),
				compare('clave de elector birth date vs CURP birth date', fromClave?.birthYYMMDD, fromCurp?.birthYYMMDD),
				compare('clave de elector sex vs CURP sex', fromClave?.sex, fromCurp?.sex),
				...(fromCurp
					? []
					: [compareYYMMDD('clave de elector birth date vs printed date of birth', doc.dateOfBirth, fromClave?.birthYYMMDD)]),
			]),
			...standardChecks(doc, report, ctx),
		},
	};
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
