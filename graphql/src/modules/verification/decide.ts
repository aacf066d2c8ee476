import type { CheckName, Checks as CoreChecks } from '../../../../core';
import type { DocumentResult } from '../documents/result';
import type { Decision, DecisionReason } from '../../schema/types.generated';

/**
 * The verification decision, from the sub-results and the client's policy. Any REJECTED reason rejects;
 * otherwise any REVIEW reason sends to review; otherwise APPROVED. A check or call that could not run never
 * passes silently: it sends to review.
 */

export interface Policy {
	minimumSimilarity: number;
	requiredChecks: readonly CheckName[];
	requireWhatsapp: boolean;
}

type Problemish = { __typename: string; code: string; message: string };
type Comparison = { __typename: 'FaceComparison'; similarity?: number | null; verdict: string; samePerson: boolean };
type Whatsapp = { __typename: 'WhatsappCheck'; status: string; registered?: boolean | null };

export interface Parts {
	document: DocumentResult | Problemish;
	faceMatch: Comparison | Problemish | null;
	idHolding: Comparison | Problemish | null;
	whatsapp: Whatsapp | Problemish | null;
}

const reason = (decision: Decision, code: string, message: string, check: CheckName | null = null): DecisionReason => ({
	decision,
	code,
	message,
	check,
});

/** What a problem means for the decision: the caller's input → rejected; anything on our or the vendor's side → review. */
function problemReason(prefix: string, what: string, problem: Problemish): DecisionReason {
	if (problem.__typename === 'NotRecognized') return reason('REJECTED', `${prefix}_NOT_RECOGNIZED`, `${what}: ${problem.message}`);
	if (problem.__typename === 'RejectedInput') return reason('REJECTED', `${prefix}_REJECTED_INPUT`, `${what}: ${problem.message}`);
	return reason('REVIEW', `${prefix}_UNAVAILABLE`, `${what} could not be checked (${problem.code}): ${problem.message}`);
}

const isDocument = (value: Parts['document']): value is DocumentResult => 'checks' in value;

export function decide(parts: Parts, policy: Policy): { decision: Decision; reasons: DecisionReason[] } {
	const reasons: DecisionReason[] = [];

	if (isDocument(parts.document)) {
		const checks = parts.document.checks as CoreChecks;
		for (const name of policy.requiredChecks) {
			const check = checks[name];
			if (!check || check.result === null)
				reasons.push(
					reason(
						'REVIEW',
						'CHECK_NOT_RUN',
						`Required check ${name} could not run${check ? `: ${check.reason}` : ' on this document'}`,
						name,
					),
				);
			else if (check.result === false)
				reasons.push(reason('REJECTED', 'CHECK_FAILED', `Required check ${name} failed: ${check.reason}`, name));
		}
		for (const [name, check] of Object.entries(checks) as [CheckName, CoreChecks[CheckName]][]) {
			if (check?.result === false && !policy.requiredChecks.includes(name))
				reasons.push(reason('REVIEW', 'CHECK_FAILED', `Check ${name} failed: ${check.reason}`, name));
		}
	} else {
		reasons.push(problemReason('DOCUMENT', 'The document', parts.document));
	}

	comparison(reasons, 'FACE', 'The selfie', parts.faceMatch, policy);
	comparison(reasons, 'HOLDING', 'The hand-held ID selfie', parts.idHolding, policy);

	const whatsapp = parts.whatsapp;
	if (policy.requireWhatsapp) {
		if (!whatsapp) reasons.push(reason('REJECTED', 'WHATSAPP_REQUIRED', 'The policy requires WhatsApp, but no phone number was given'));
		else if (whatsapp.__typename !== 'WhatsappCheck') reasons.push(problemReason('WHATSAPP', 'The phone number', whatsapp as Problemish));
		else if ((whatsapp as Whatsapp).registered === false)
			reasons.push(reason('REJECTED', 'WHATSAPP_NOT_REGISTERED', 'The phone number has no WhatsApp'));
		else if ((whatsapp as Whatsapp).registered !== true)
			reasons.push(
				reason('REVIEW', 'WHATSAPP_NOT_KNOWN_YET', `WhatsApp status is ${(whatsapp as Whatsapp).status}: the result is not final yet`),
			);
	}

	const decision: Decision = reasons.some((r) => r.decision === 'REJECTED') ? 'REJECTED' : reasons.length > 0 ? 'REVIEW' : 'APPROVED';
	return { decision, reasons };
}

function comparison(reasons: DecisionReason[], prefix: string, what: string, part: Comparison | Problemish | null, policy: Policy) {
	if (!part) return;
	if (part.__typename !== 'FaceComparison') {
		reasons.push(problemReason(prefix, what, part as Problemish));
		return;
	}
	const result = part as Comparison;
	const similarity = result.similarity ?? null;
	if (result.verdict === 'NOT_SAME_PERSON')
		reasons.push(reason('REJECTED', `${prefix}_MISMATCH`, `${what}: the vendor judged the faces NOT the same person`));
	else if (similarity !== null && similarity < policy.minimumSimilarity) {
		reasons.push(
			reason(
				'REJECTED',
				`${prefix}_MISMATCH`,
				`${what}: similarity ${similarity} is below the policy's minimum ${policy.minimumSimilarity}`,
			),
		);
	} else if (!result.samePerson)
		reasons.push(
			reason('REVIEW', `${prefix}_NOT_SURE`, `${what}: the vendor is not sure the faces are the same person (${result.verdict})`),
		);
}
