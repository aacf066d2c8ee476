import { free, paid, type QueryFields } from '../../schema/fields';
import { documents } from './documents';
import { readDocument } from './readDocument';

export const query: Pick<QueryFields, 'documents' | 'readDocument'> = {
	documents: free((_root, args) => documents(args)),
	readDocument: paid(1, (_root, args, ctx) => readDocument(args, ctx)),
};
