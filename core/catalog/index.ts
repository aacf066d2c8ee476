import type { CountryCode, Operation, OperationKind, StatusRule, VendorId } from './types';
import { OPERATIONS } from '../operations';

export * from './types';
export * from './countries';

export { OPERATIONS };

export type OperationId = (typeof OPERATIONS)[number]['id'];

const byId = new Map(OPERATIONS.map((op) => [op.id, op]));

export function getOperation(id: string): Operation {
	const op = byId.get(id);
	if (!op) throw new Error(`Unknown operation "${id}". Known: ${[...byId.keys()].join(', ')}`);
	return op;
}

export function findOperation(id: string): Operation | undefined {
	return byId.get(id);
}

export function operationsOfKind(kind: OperationKind): Operation[] {
	return OPERATIONS.filter((op) => op.kind === kind);
}

/** OCR operations that read documents of a country, in catalog order. */
export function documentOperations(country?: CountryCode): Operation[] {
	return OPERATIONS.filter((op) => op.kind === 'ocr' && (!country || op.document?.country === country));
}

/** Countries with at least one readable document, in the order of COUNTRIES. */
export { COUNTRIES as DOCUMENT_COUNTRIES } from './countries';

export const VENDORS: Record<VendorId, { name: string; defaultBaseUrl: string; credential: string }> = {
	aisolution: {
		name: 'AI Solution',
		defaultBaseUrl: 'https://api.aisolution.credit/v1',
		credential: 'the token in the AI Solution credential',
	},
	// `{country}` is replaced by the operation's vendorCountry (indonesia, ecuador).
	accuauth: {
		name: 'AccuAuth',
		defaultBaseUrl: 'https://cloudapi.{country}.accuauth.com',
		credential: 'the API ID and secret in the AccuAuth credential',
	},
};

/** Every rule an answer of the operation can be read by. */
function rulesOf(op: Operation): StatusRule[] {
	const overrides = Object.values(op.messageOverrides ?? {}).flatMap((byMessage) => Object.values(byMessage));
	return [...Object.values(op.statuses), ...Object.values(op.verdicts?.values ?? {}), ...overrides];
}

/** Whether any answer of the operation is billed. */
export const mayCharge = (op: Operation): boolean => rulesOf(op).some((rule) => rule.charged);

/** It adds or deletes something at the vendor: sending it twice is not the same as sending it once. */
export const changesState = (op: Operation): boolean => op.kind === 'faceAdd' || op.kind === 'faceDelete';

/** Sending it again after its answer was lost can neither cost nor change anything. */
export const safeToResend = (op: Operation): boolean => !mayCharge(op) && !changesState(op);
export { operationsTable } from './operationsTable';
export * from './names';
