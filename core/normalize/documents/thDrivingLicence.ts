/** Thailand driving licence (the endpoint may answer with an ID card: see thai.ts). */
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { normalizeThai, THAI_EXTRAS } from './thai';

export const operationId = 'thDrivingLicence';

export const extras: readonly ExtraField[] = THAI_EXTRAS;

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	return normalizeThai(operationId, data, ctx);
}
