import { buildSchema, printSchema } from 'graphql';
import { CHECK_NAMES, COUNTRIES, VENDORS, mayCharge, type Operation, type VendorId } from '../../../core';
import { DOCUMENTS, OPS, documentOptions, isFlag } from '../modules/documents/catalog';
import { BASE_SDL } from './base';
import { EXTRA_SCALAR, documentExtras } from '../modules/documents/extras';
import { description, enumValueName } from './names';

/**
 * The published schema: the hand-written shapes (base.ts) plus everything the catalog declares:
 * countries, documents and one type per document, verdicts, checks, and each operation's result union.
 * `npm run schema` writes it to graphql/schema.graphql; a test fails when that file is stale.
 */
export function buildSdl(): string {
	const generated = [
		enumOf('Country', 'Countries whose documents this server reads (ISO 3166-1 alpha-2).', COUNTRIES.map((c) => [c.code, c.name])),
		enumOf('DocumentKind', 'What kind of document it is.', unique(DOCUMENTS.map((d) => d.op.document!.documentType)).map((kind) => [kind, undefined])),
		enumOf('DocumentId', 'Every document this server reads, one per vendor endpoint.', DOCUMENTS.map(({ id, op }) => [id, documentAbout(op)])),
		enumOf('Vendor', 'The vendors behind this server.', (Object.keys(VENDORS) as VendorId[]).map((v) => [enumValueName(v), VENDORS[v].name])),
		verdictEnum('FaceVerdict', 'The vendor\'s judgment of two faces.', [OPS.faceCompare, OPS.idHolding]),
		verdictEnum('WhatsappStatus', 'The vendor\'s conclusion about a number.', [OPS.whatsappCheck]),
		enumOf('CheckName', 'The checks a document can carry.', CHECK_NAMES.map((name) => [name, undefined])),
		checksType(),
		...documentTypes(),
		unions(),
	].join('\n');
	const sdl = BASE_SDL.replace('{{documentOptions}}', documentArgs()) + generated;
	// Printing through graphql-js validates the SDL and gives it one canonical layout.
	return `${printSchema(buildSchema(sdl))}\n`;
}

function documentAbout(op: Operation): string {
	const vendor = VENDORS[op.vendor].name;
	return `${op.title}: ${op.description}${op.title.includes(vendor) ? '' : ` (${vendor})`}.`;
}

function enumOf(name: string, text: string, values: [string, string | undefined][]): string {
	return `${description(text)}enum ${name} {\n${values.map(([value, about]) => `${description(about, '\t')}\t${value}`).join('\n')}\n}\n`;
}

function verdictEnum(name: string, text: string, ops: Operation[]): string {
	const values = new Map<string, string>();
	for (const op of ops) {
		for (const [verdict, rule] of Object.entries(op.verdicts?.values ?? {})) {
			if (!values.has(verdict)) values.set(verdict, `${rule.label}: ${rule.description}`);
		}
	}
	return enumOf(name, text, [...values].map(([verdict, about]) => [enumValueName(verdict), about]));
}

function checksType(): string {
	const fields = CHECK_NAMES.map((name) => `\t${name}: Check`).join('\n');
	return `${description('A document\'s checks; a check that does not apply to the document is null.')}type Checks {\n${fields}\n}\n`;
}

/** readDocument's options: the non-image inputs of document operations (Ecuador's detect_face). */
function documentArgs(): string {
	return documentOptions()
		.map(({ spec, arg, operations }) => {
			const where = operations.map((op) => enumValueName(op.id)).join(', ');
			const flag = isFlag(spec) ? ' (true sends 1, false 0)' : '';
			return `${description(`Only for ${where}${flag}. ${spec.description}`, '\t\t')}\t\t${arg}: ${isFlag(spec) ? 'Boolean' : spec.type === 'integer' ? 'Int' : 'String'}`;
		})
		.join('\n')
		.trimStart();
}

/** The IdDocument interface's fields, read back from base.ts so that no field list is written twice. */
function canonicalFields(): string {
	const match = /interface IdDocument \{\n([\s\S]*?)\n\}/.exec(BASE_SDL);
	if (!match) throw new Error('base.ts lost its IdDocument interface');
	return match[1];
}

/** One type per document typeName; two vendors reading the same document share it. */
function documentTypes(): string[] {
	const byType = new Map<string, Operation[]>();
	for (const { op } of DOCUMENTS) byType.set(op.document!.typeName, [...(byType.get(op.document!.typeName) ?? []), op]);
	const canonical = canonicalFields();
	const taken = new Set([...canonical.matchAll(/^\t(\w+)[:(]/gm)].map((m) => m[1]));
	return [...byType].map(([typeName, ops]) => {
		const extras = new Map<string, { description: string; type: string }>();
		for (const op of ops) {
			for (const extra of documentExtras(op.id)) {
				if (taken.has(extra.name)) throw new Error(`${op.id}: extra "${extra.name}" clashes with a canonical field`);
				const type = EXTRA_SCALAR[extra.type];
				const earlier = extras.get(extra.name);
				if (earlier && earlier.type !== type) throw new Error(`${typeName}: extra "${extra.name}" is ${earlier.type} for one vendor and ${type} for another`);
				if (!earlier) extras.set(extra.name, { description: extra.description, type });
			}
		}
		const about = ops.map((op) => `${op.title}: ${op.description}.`).join('\n');
		const extraFields = [...extras].map(([name, extra]) => `${description(extra.description, '\t')}\t${name}: ${extra.type}`).join('\n');
		return `${description(about)}type ${typeName} implements IdDocument {\n${canonical}\n${extraFields}\n}\n`;
	});
}

/** Each operation's result: its success type, or one of the problems that can happen to it. */
function unions(): string {
	const failures = ['RejectedInput', 'VendorUnavailable', 'AuthFailed', 'QuotaExceeded', 'Failed'];
	const problems = (op: Operation, ...own: string[]) => [...own, ...failures, ...(mayCharge(op) ? ['BudgetExceeded'] : [])];
	const documentTypeNames = unique(DOCUMENTS.map((d) => d.op.document!.typeName));
	const anyDocument = DOCUMENTS.find((d) => mayCharge(d.op))!.op;
	const union = (name: string, members: string[]) => `union ${name} = ${members.join(' | ')}\n`;
	return [
		union('ReadDocumentResult', [...documentTypeNames, ...problems(anyDocument, 'NotRecognized')]),
		union('FaceCompareResult', ['FaceComparison', ...problems(OPS.faceCompare)]),
		union('IdHoldingResult', ['FaceComparison', ...problems(OPS.idHolding)]),
		union('FaceSearchResult', ['FaceSearchMatches', ...problems(OPS.faceSearch)]),
		union('WhatsappCheckResult', ['WhatsappCheck', ...problems(OPS.whatsappCheck)]),
		union('AddFaceResult', ['FaceAdded', ...problems(OPS.faceAdd)]),
		union('DeleteFaceResult', ['FaceDeleted', ...problems(OPS.faceDelete, 'PersonNotFound')]),
	].join('\n');
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}
