import { whatsappResult as readWhatsappCall, type CallResult } from '../../../../core';
import { OPS } from '../operations';
import type { GraphQLContext } from '../../context';
import { callInfo } from '../problems/call';
import { budgetExceeded, failureOf, type Failure, type Refused } from '../problems/problems';
import type { Typed } from '../problems/typed';
import { whatsappOf } from './result';
import type { WhatsappCheck } from '../../schema/types.generated';
import type { BudgetRefusal } from '../../security/budget';
import { isBudgetRefusal } from '../../vendorCalls';

export type WhatsappOutcome = Typed<WhatsappCheck, 'WhatsappCheck'> | Failure | Refused;

export async function whatsappCheck(args: { number: string; country?: string | null }, ctx: GraphQLContext): Promise<WhatsappOutcome> {
	const op = OPS.whatsappCheck;
	const result = await ctx.vendor.call(op, {
		number: args.number,
		country: args.country ?? undefined,
		// The vendor calls back with the final result; whatsappResults(number) delivers it.
		callback: ctx.services.callbacks.urlFor(args.number, args.country),
		// "unavailable" at once when the service is down, instead of an error to retry.
		servstatus: 'y',
	});
	return whatsappResult(result, ctx.services.config.includeRaw);
}

export function whatsappResult(result: CallResult | BudgetRefusal, includeRaw: boolean): WhatsappOutcome {
	const op = OPS.whatsappCheck;
	if (isBudgetRefusal(result)) return budgetExceeded(result);
	const check = result.outcome === 'success' || result.outcome === 'negative' ? readWhatsappCall(result) : null;
	if (check) return whatsappOf(check, includeRaw ? (result.data ?? null) : null, callInfo(result));
	return failureOf(op, result);
}
