import type { CheckName } from '../../../../core';
import type { GraphQLContext } from '../../context';
import type { Verification, VerificationInput } from '../../schema/types.generated';
import { DEFAULT_POLICY } from './policy';
import { decide } from './decide';
import { faceCompare, type FaceComparisonOutcome } from '../faces/faceCompare';
import { idHolding } from '../faces/idHolding';
import { readDocument, type ReadDocumentOutcome } from '../documents/readDocument';
import { whatsappCheck, type WhatsappOutcome } from '../whatsapp/whatsappCheck';

export type VerificationOutcome = Omit<Verification, 'document' | 'faceMatch' | 'idHolding' | 'whatsapp'> & {
	document: ReadDocumentOutcome;
	faceMatch: FaceComparisonOutcome | null;
	idHolding: FaceComparisonOutcome | null;
	whatsapp: WhatsappOutcome | null;
};

/** The vendor calls verification may make: document, face match, hand-held ID, WhatsApp. */
export const VERIFICATION_CALLS = 4;

/** Every sub-call runs at once in the request's scope; the decision comes from the client's policy. */
export async function verification(args: { input: VerificationInput }, ctx: GraphQLContext): Promise<VerificationOutcome> {
	const { input } = args;
	const [document, faceMatch, holding, whatsapp] = await Promise.all([
		readDocument({ document: input.document, image: input.documentImage }, ctx),
		input.selfie ? faceCompare({ image1: input.documentImage, image2: input.selfie }, ctx) : null,
		input.holdingSelfie ? idHolding({ image: input.holdingSelfie }, ctx) : null,
		input.phone ? whatsappCheck({ number: input.phone, country: input.phoneCountry }, ctx) : null,
	]);
	const policy = {
		minimumSimilarity: input.policy?.minimumSimilarity ?? DEFAULT_POLICY.minimumSimilarity,
		requiredChecks: (input.policy?.requiredChecks ?? DEFAULT_POLICY.requiredChecks) as CheckName[],
		requireWhatsapp: input.policy?.requireWhatsapp ?? DEFAULT_POLICY.requireWhatsapp,
	};
	const { decision, reasons } = decide({ document, faceMatch, idHolding: holding, whatsapp }, policy);
	return { decision, reasons, document, faceMatch, idHolding: holding, whatsapp };
}
