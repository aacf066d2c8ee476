import type { WhatsappResult } from '../../../../core';
import { enumValueName } from '../../schema/names';
import type { CallInfo, WhatsappCheck, WhatsappStatus } from '../../schema/types.generated';
import type { Typed } from '../problems/typed';

/**
 * The core's WhatsApp result (read from an answer or from a callback's query) as the WhatsappCheck type.
 * `raw` is the vendor's fields as they came; null when the server is set to leave raw answers out.
 */
export function whatsappOf(result: WhatsappResult, raw: unknown, call: CallInfo | null): Typed<WhatsappCheck, 'WhatsappCheck'> {
	return {
		__typename: 'WhatsappCheck',
		number: result.number ?? '',
		status: enumValueName(result.conclusion) as WhatsappStatus,
		registered: result.registered,
		statusUpdate: result.statusUpdate,
		signature: result.signature,
		businessUser: result.businessUser,
		avatar: result.hasAvatar,
		raw,
		call,
	};
}
