/** Thailand national ID card (the endpoint may answer with a driving licence: see thai.ts). */
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { normalizeThai, THAI_EXTRAS } from './thai';

export const operationId = 'thIdCard';

export const extras: readonly ExtraField[] = THAI_EXTRAS;

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	return normalizeThai(operationId, data, ctx);
}
