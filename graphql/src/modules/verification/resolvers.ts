import { paid, type QueryFields } from '../../schema/fields';
import { VERIFICATION_CALLS, verification } from './verification';

export const query: Pick<QueryFields, 'verification'> = {
	verification: paid(VERIFICATION_CALLS, (_root, args, ctx) => verification(args, ctx)),
};
