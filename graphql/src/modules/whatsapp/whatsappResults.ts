import { numberKey } from './callbacks';
import type { GraphQLContext } from '../../context';

/** Results the vendor's callbacks bring for this number, from whichever instance received them. */
export function whatsappResults(args: { number: string; country?: string | null }, ctx: GraphQLContext) {
	return ctx.services.pubsub.subscribe('whatsapp', numberKey(args.number, args.country));
}
