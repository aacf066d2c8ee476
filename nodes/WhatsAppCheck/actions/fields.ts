import type { IDataObject } from 'n8n-workflow';
import { getOperation } from '../../../core/catalog';
import type { CallResult } from '../../../core/outcome';
import { readWhatsapp, whatsappResult, type WhatsappResult } from '../../../core/results';
import { callFields } from '../../shared/result';

const op = getOperation('whatsappCheck');

/** The node's outputs, in order, named with the catalog's verdict labels. */
export const WHATSAPP_BRANCHES = ['yes', 'no', 'checking'].map((value) => op.verdicts?.values[value]?.label ?? value).concat('Failed');
export const [REGISTERED, NOT_REGISTERED, CHECKING, FAILED] = [0, 1, 2, 3];

/**
 * A number's WhatsApp details in the words every item uses, the node's answers and the vendor's callbacks alike.
 * `whatsapp` is the vendor's conclusion (yes, no, checking, unavailable); `avatar` whether the profile has a picture.
 */
export function whatsappFields(details: WhatsappResult | null, asked: string | null): IDataObject {
	return {
		number: details?.number ?? asked,
		registered: details?.registered ?? null,
		final: details?.final ?? false,
		whatsapp: details?.conclusion ?? null,
		statusUpdate: details?.statusUpdate ?? null,
		signature: details?.signature ?? null,
		businessUser: details?.businessUser ?? null,
		avatar: details?.hasAvatar ?? null,
	};
}

/** The json of an item the node answered: the call's fields, the number's details, the vendor's raw answer. */
export function answerFields(result: CallResult & { polls?: number }, asked: string): IDataObject {
	return {
		...whatsappFields(whatsappResult(result), asked),
		...callFields(result),
		// A pending answer is never final, whatever its conclusion says.
		...(result.pending ? { final: false, registered: null } : {}),
		...(result.polls !== undefined ? { polls: result.polls } : {}),
		raw: (result.data ?? null) as IDataObject,
	};
}

/** The branch of a call's result; null when it did not give a usable answer (the item fails). */
export function branchOf(result: CallResult): number | null {
	if (result.outcome === 'success' && !result.pending) return REGISTERED;
	if (result.pending) return CHECKING;
	if (result.outcome === 'negative') return NOT_REGISTERED;
	return null;
}

/**
 * The vendor's callback (its query parameters) as an item, and its branch: Registered, Not registered, or null for a
 * conclusion that is not final or not documented.
 */
export function callbackItem(query: Record<string, string>): { json: IDataObject; branch: number | null } {
	const details = readWhatsapp(query);
	const rule = details ? op.verdicts?.values[details.conclusion] : undefined;
	const json: IDataObject = {
		...whatsappFields(details, query.number ?? null),
		verdict: details?.label ?? 'Unknown answer',
		outcome: rule?.outcome ?? 'failed',
		charged: rule?.charged ?? false,
		operation: op.id,
		vendor: op.vendor,
		raw: { ...query },
	};
	const branch = details?.final ? (details.registered ? REGISTERED : NOT_REGISTERED) : null;
	return { json, branch };
}
