import { DOCUMENTS } from './catalog';
import { enumValueName } from '../../schema/names';
import type {
	Country,
	DocumentInfo,
	DocumentId,
	DocumentKind,
	DocumentSide,
	QueryDocumentsArgs,
	Vendor,
} from '../../schema/types.generated';

/** The catalog's documents, for pickers: no vendor call, no budget. */
export function documents(args: QueryDocumentsArgs): DocumentInfo[] {
	return DOCUMENTS.filter(({ op }) => !args.country || op.document!.country === args.country).map(({ id, op }) => ({
		id: id as DocumentId,
		country: op.document!.country as Country,
		kind: op.document!.documentType as DocumentKind,
		label: op.document!.label,
		typeName: op.document!.typeName,
		vendor: enumValueName(op.vendor) as Vendor,
		side: op.document!.side ? (enumValueName(op.document!.side) as DocumentSide) : null,
		title: op.title,
		description: op.description,
		maxBytes: op.limits!.maxBytes,
		formats: [...op.limits!.formats],
	}));
}
