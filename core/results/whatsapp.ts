import { getOperation } from '../catalog';
import type { CallResult } from '../outcome';
import { flagOf, recordOf, textOf } from './read';

/** A number's WhatsApp details, from an answer or from the vendor's callback (both carry the same keys). */
export interface WhatsappResult {
	number: string | null;
	/** The vendor's conclusion as the catalog knows it: yes, no, checking, unavailable. */
	conclusion: string;
	/** The conclusion in the user's words: Registered, Not registered, Checking, Unavailable. */
	label: string;
	/** null until the vendor has decided. */
	registered: boolean | null;
	/** The vendor has decided (yes or no): nothing to ask again, no callback to wait for. */
	final: boolean;
	/** When the profile status was last changed, as the vendor writes it (yyyymmdd). */
	statusUpdate: string | null;
	/** The profile's status text (the vendor calls it "signature"; it signs nothing). */
	signature: string | null;
	businessUser: boolean | null;
	hasAvatar: boolean | null;
}

const whatsappOperation = () => getOperation('whatsappCheck');

/**
 * Reads the vendor's fields (an answer's `message`, or a callback's query). null when the conclusion is not one the
 * catalog documents: such an answer is a failure, never a silent success.
 */
export function readWhatsapp(fields: unknown): WhatsappResult | null {
	const op = whatsappOperation();
	const message = recordOf(fields);
	const conclusion = op.verdicts!.of(message).trim().toLowerCase();
	const rule = op.verdicts!.values[conclusion];
	if (!rule) return null;
	const decided = !rule.pending && rule.outcome !== 'failed';
	return {
		number: textOf(message.number),
		conclusion,
		label: rule.label,
		registered: decided ? rule.outcome === 'success' : null,
		final: decided,
		statusUpdate: textOf(message.status_update),
		signature: textOf(message.signature),
		businessUser: flagOf(message.business_user),
		hasAvatar: flagOf(message.avatar),
	};
}

/** The WhatsApp details of a call that the vendor answered OK; null otherwise. */
export const whatsappResult = (call: CallResult): WhatsappResult | null => (call.status === 'OK' ? readWhatsapp(call.data) : null);
