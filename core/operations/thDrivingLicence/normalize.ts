/** Thailand driving licence (the endpoint may answer with an ID card: see thaiNormalizer.ts). */
import type { OperationNormalizer } from '../../normalize/normalizer';
import { normalizeThai, THAI_EXTRAS } from '../thaiNormalizer';

export const normalizer: OperationNormalizer = { extras: THAI_EXTRAS, normalize: normalizeThai };
