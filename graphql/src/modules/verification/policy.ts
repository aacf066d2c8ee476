/** verification's policy when the client gives none; verification.graphql declares the same defaults (a test checks). */
export const DEFAULT_POLICY = { minimumSimilarity: 80, requiredChecks: [] as string[], requireWhatsapp: false };
