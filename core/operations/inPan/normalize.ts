/**
 * India PAN card. The PAN's check letter is not public: format only. For an individual (holder type P) the
 * fifth character is the initial of the surname, compared with the last word of the printed name. PAN
 * cards do not expire.
 */
import { identifier, identifierChecks, readIdentifier, type Identifier } from '../../normalize/identifiers';
import type { FieldKey } from '../../catalog/types';
import { consistencyCheck } from '../../normalize/checks';
import { standardChecks } from '../../normalize/common';
import { applyDates, emptyDocument, extraFields } from '../../normalize/document';
import { readAnswer } from '../../normalize/fields';
import type { DocumentContext, NormalizedDocument, OperationNormalizer } from '../../normalize/normalizer';
import type { Checks } from '../../normalize/types';
import { pan } from '../../validate';
import type { inPan } from './entry';

const PAN = identifier('personalNumber', 'PAN', pan, false);

/** The ID numbers this document prints, for a read and for a recheck of reviewed fields. */
export const identifiers: readonly Identifier[] = [PAN];

type Key = FieldKey<typeof inPan>;

export const extras = extraFields([
	{ name: 'fatherName', description: "Father's name as printed under the holder's name", type: 'string' },
	{ name: 'holderType', description: 'PAN holder type from the 4th character, e.g. "P: individual"', type: 'string' },
]);

function normalize(data: unknown, ctx: DocumentContext): NormalizedDocument {
	const doc = emptyDocument(ctx.document, extras);
	const answer = readAnswer<Key>(data);
	const number = readIdentifier(PAN, answer.text('CardNumber'), ctx.now);
	doc.documentNumber = doc.personalNumber = number?.value ?? null;
	doc.fullName = answer.text('Name');
	doc.extras.fatherName = answer.text('FatherName');
	doc.extras.holderType = number?.derived?.holderType ?? null;
	const report = applyDates(doc, { dateOfBirth: [{ value: answer.text('DateOfBirth') }] }, ctx, false);
	const checks: Checks = identifierChecks(PAN, number);
	if (number?.valid && number.value[3] === 'P') {
		const surname = doc.fullName?.split(' ').pop() ?? null;
		const initial = surname ? surname[0].toUpperCase() : null;
		checks.consistency = consistencyCheck([
			{ what: 'PAN 5th character vs initial of the surname (last word of the name)', agree: initial ? initial === number.value[4] : null },
		]);
	}
	return { document: doc, checks: { ...checks, ...standardChecks(doc, report, ctx) } };
}

export const normalizer: OperationNormalizer = { extras, identifiers, normalize };
