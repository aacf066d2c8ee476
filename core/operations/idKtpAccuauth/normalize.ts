/** Indonesia KTP read by AccuAuth: the NIK is `id_number`, and `gender_s` (M/F) must agree with `gender`. */
import type { FieldKey } from '../../catalog/types';
import type { OperationNormalizer } from '../../normalize/normalizer';
import { KTP_EXTRAS, normalizeKtp, KTP_IDENTIFIERS } from '../ktpNormalizer';
import type { idKtpAccuauth } from './entry';

export const normalizer: OperationNormalizer = {
	extras: KTP_EXTRAS,
	identifiers: KTP_IDENTIFIERS,
	normalize: (data, ctx) => normalizeKtp<FieldKey<typeof idKtpAccuauth>>({ nik: 'id_number', sexLetter: 'gender_s' }, data, ctx),
};
