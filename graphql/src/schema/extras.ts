/**
 * The fields only one document has (Aadhaar VID, CURP, card side …), as its normalizer lists them.
 * Until core/normalize exports documentNormalizer(), documents have no extras in the schema.
 */
export interface DocumentExtra {
	name: string;
	description: string;
}

export function documentExtras(_operationId: string): readonly DocumentExtra[] {
	return [];
}
