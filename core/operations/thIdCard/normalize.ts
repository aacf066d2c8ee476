/** Thailand national ID card (the endpoint may answer with a driving licence: see thaiNormalizer.ts). */
import type { OperationNormalizer } from '../../normalize/normalizer';
import { normalizeThai, THAI_EXTRAS, THAI_ID_CARD_IDENTIFIERS } from '../thaiNormalizer';

export const normalizer: OperationNormalizer = { extras: THAI_EXTRAS, identifiers: THAI_ID_CARD_IDENTIFIERS, normalize: normalizeThai };
