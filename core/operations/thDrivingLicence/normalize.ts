/** Thailand driving licence (the endpoint may answer with an ID card: see thaiNormalizer.ts). */
import type { OperationNormalizer } from '../../normalize/normalizer';
import { normalizeThai, THAI_EXTRAS, THAI_LICENCE_IDENTIFIERS } from '../thaiNormalizer';

export const normalizer: OperationNormalizer = { extras: THAI_EXTRAS, identifiers: THAI_LICENCE_IDENTIFIERS, normalize: normalizeThai };
