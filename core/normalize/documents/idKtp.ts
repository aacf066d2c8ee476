/** Indonesia KTP read by AI Solution (`ocr_id`): the NIK is `id`. */
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { KTP_EXTRAS, normalizeKtp } from './ktp';

export const operationId = 'idKtp';

export const extras: readonly ExtraField[] = KTP_EXTRAS;

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	return normalizeKtp({ operationId, nik: 'id' }, data, ctx);
}
