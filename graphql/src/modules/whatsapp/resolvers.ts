import type { SubscriptionResolvers } from '../../schema/types.generated';
import type { Topics } from '../../services';
import { paid, type QueryFields } from '../../schema/fields';
import { whatsappCheck } from './whatsappCheck';
import { whatsappResults } from './whatsappResults';

export const query: Pick<QueryFields, 'whatsappCheck'> = {
	whatsappCheck: paid(1, (_root, args, ctx) => whatsappCheck(args, ctx)),
};

export const subscription: Required<SubscriptionResolvers> = {
	whatsappResults: {
		subscribe: (_root, args, ctx) => whatsappResults(args, ctx),
		resolve: (payload: Topics['whatsapp'][1]) => payload,
	},
};
