import type { WhatsappResult } from '../../../../core';
import { enumValueName } from '../../schema/names';
import type { CallInfo, WhatsappCheck, WhatsappStatus } from '../../schema/types.generated';
import type { Typed } from '../problems/typed';

/**
 * The core's WhatsApp result (read from an answer or from a callback's query) as the WhatsappCheck type.
 * `raw` is the vendor's fields as they came; null when the server is set to leave raw answers out.
 */
export function whatsappOf(result: WhatsappResult, raw: unknown, call: CallInfo | null): Typed<WhatsappCheck, 'WhatsappCheck'> {
	// The core's fields pass through by name: a field added to WhatsappResult and whatsapp.graphql needs nothing here.
	const { conclusion, hasAvatar, number, ...details } = result;
	return {
		__typename: 'WhatsappCheck',
		...details,
		number: number ?? '',
		status: enumValueName(conclusion) as WhatsappStatus,
		avatar: hasAvatar,
		raw,
		call,
	};
}
