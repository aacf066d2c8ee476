import { ownEntry } from '../../catalog/names';
import type { FieldKey } from '../../catalog/types';
import type { CallResult } from '../../outcome';
import { flagOf, recordOf, textOf } from '../../results/read';
import { whatsappCheck } from './entry';

type Key = FieldKey<typeof whatsappCheck>;

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

/**
 * Reads the vendor's fields (an answer's `message`, or a callback's query). null when the conclusion is not one the
 * catalog documents: such an answer is a failure, never a silent success.
 */
export function readWhatsapp(fields: unknown): WhatsappResult | null {
	const verdicts = whatsappCheck.verdicts!;
	const message = recordOf(fields);
	const field = (key: Key) => message[key];
	const conclusion = verdicts.of(message).trim().toLowerCase();
	const rule = ownEntry(verdicts.values, conclusion);
	if (!rule) return null;
	const decided = !rule.pending && rule.outcome !== 'failed';
	return {
		number: textOf(field('number')),
		conclusion,
		label: rule.label,
		registered: decided ? rule.outcome === 'success' : null,
		final: decided,
		statusUpdate: textOf(field('status_update')),
		signature: textOf(field('signature')),
		businessUser: flagOf(field('business_user')),
		hasAvatar: flagOf(field('avatar')),
	};
}

/** The WhatsApp details of a call that the vendor answered OK; null otherwise. */
export const whatsappResult = (call: CallResult): WhatsappResult | null => (call.status === 'OK' ? readWhatsapp(call.data) : null);
