/** Indonesia KTP read by AI Solution (`ocr_id`): the NIK is `id`. */
import type { FieldKey } from '../../catalog/types';
import type { OperationNormalizer } from '../../normalize/normalizer';
import { KTP_EXTRAS, normalizeKtp, KTP_IDENTIFIERS } from '../ktpNormalizer';
import type { idKtp } from './entry';

export const normalizer: OperationNormalizer = {
	extras: KTP_EXTRAS,
	identifiers: KTP_IDENTIFIERS,
	normalize: (data, ctx) => normalizeKtp<FieldKey<typeof idKtp>>({ nik: 'id' }, data, ctx),
};
