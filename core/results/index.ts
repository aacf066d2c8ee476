/**
 * One typed result per operation kind, read from the vendor's answer once. The n8n nodes and the GraphQL resolvers
 * map these; neither reads a vendor key or a vendor verdict itself.
 */
export { readWhatsapp, whatsappResult, type WhatsappResult } from './whatsapp';
export { faceAddedResult, faceMatchResult, faceSearchResult, judgeBySimilarity, type FaceAddedResult, type FaceMatchResult, type FaceSearchResult, type FaceVerdict } from './faces';
export { flagOf, numberOf, recordOf, textOf } from './read';
