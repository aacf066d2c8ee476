/**
 * One typed result per operation kind, read from the vendor's answer once. The n8n nodes and the GraphQL resolvers
 * map these; neither reads a vendor key or a vendor verdict itself. Each mapper lives with its operation.
 */
export { readWhatsapp, whatsappResult, type WhatsappResult } from '../operations/whatsappCheck/result';
export { faceMatchResult, judgeBySimilarity, type FaceMatchResult, type FaceVerdict } from '../operations/faceCompare/result';
export { faceSearchResult, type FaceSearchResult } from '../operations/faceSearch/result';
export { faceAddedResult, type FaceAddedResult } from '../operations/faceAdd/result';
export { flagOf, numberOf, recordOf, textOf } from './read';
