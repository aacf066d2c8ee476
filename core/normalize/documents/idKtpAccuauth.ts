/** Indonesia KTP read by AccuAuth: the NIK is `id_number`, and `gender_s` (M/F) must agree with `gender`. */
import type { ExtraField, NormalizeContext, NormalizedDocument } from '../normalizer';
import { KTP_EXTRAS, normalizeKtp } from './ktp';

export const operationId = 'idKtpAccuauth';

export const extras: readonly ExtraField[] = KTP_EXTRAS;

export function normalize(data: unknown, ctx: NormalizeContext): NormalizedDocument {
	return normalizeKtp({ operationId, nik: 'id_number', sexLetter: 'gender_s' }, data, ctx);
}
