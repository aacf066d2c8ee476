import type { Operation } from '../../../core';
import { enumValueName } from '../schema/names';
import type { CallInfo, WhatsappCheck, WhatsappStatus } from '../schema/types.generated';
import type { Typed } from './typed';

/**
 * A number's WhatsApp details from the vendor's `message`, or from the query string of its callback
 * (the same keys). null when the conclusion is not one the catalog knows.
 */
export function whatsappOf(op: Operation, message: Record<string, unknown>, call: CallInfo | null): Typed<WhatsappCheck, 'WhatsappCheck'> | null {
	const conclusion = op.verdicts!.of(message);
	const rule = op.verdicts!.values[conclusion];
	if (!rule) return null;
	const text = (key: string) => (message[key] === undefined || message[key] === null || message[key] === '' ? null : String(message[key]));
	const yesNo = (key: string) => (text(key) === null ? null : text(key)!.toLowerCase() === 'yes');
	return {
		__typename: 'WhatsappCheck',
		number: text('number') ?? '',
		status: enumValueName(conclusion) as WhatsappStatus,
		registered: rule.pending || rule.outcome === 'failed' ? null : rule.outcome === 'success',
		statusUpdate: text('status_update'),
		signature: text('signature'),
		businessUser: yesNo('business_user'),
		avatar: yesNo('avatar'),
		raw: message,
		call,
	};
}
