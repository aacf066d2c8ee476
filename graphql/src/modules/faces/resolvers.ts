import { paid, type MutationFields, type QueryFields } from '../../schema/fields';
import { addFace } from './addFace';
import { deleteFace } from './deleteFace';
import { faceCompare } from './faceCompare';
import { faceSearch } from './faceSearch';
import { idHolding } from './idHolding';

export const query: Pick<QueryFields, 'faceCompare' | 'idHolding' | 'faceSearch'> = {
	faceCompare: paid(1, (_root, args, ctx) => faceCompare(args, ctx)),
	idHolding: paid(1, (_root, args, ctx) => idHolding(args, ctx)),
	faceSearch: paid(1, (_root, args, ctx) => faceSearch(args, ctx)),
};

/** Free at the vendor, but each is a vendor call: counted against the request's vendor-call limit. */
export const mutation: Pick<MutationFields, 'addFace' | 'deleteFace'> = {
	addFace: paid(1, (_root, args, ctx) => addFace(args, ctx)),
	deleteFace: paid(1, (_root, args, ctx) => deleteFace(args, ctx)),
};
