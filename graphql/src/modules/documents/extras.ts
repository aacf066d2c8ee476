import { documentNormalizer, type ExtraField } from '../../../../core';

/** The fields only one document has (Aadhaar VID, CURP, card side …), as its normalizer declares them. */
export function documentExtras(operationId: string): readonly ExtraField[] {
	return documentNormalizer(operationId).extras;
}

/** An extra's GraphQL type. */
export const EXTRA_SCALAR: Record<ExtraField['type'], string> = { string: 'String', number: 'Float', boolean: 'Boolean' };
