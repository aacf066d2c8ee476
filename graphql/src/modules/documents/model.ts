import type { IdDocument, ResolversTypes, ResolversUnionTypes } from '../../schema/types.generated';

/**
 * A recognized document as the resolvers give it to GraphQL: every IdDocument field, typed by codegen from the
 * schema, plus the document's own fields (Aadhaar `vid`, Ecuador `cardSide` …) by the names its normalizer declares.
 * It is codegen's mapper for IdDocument and every document type (see CODEGEN_CONFIG).
 */
export type DocumentModel = Omit<IdDocument, '__typename'> & { [extra: string]: unknown };

/** The document types of readDocument's union: GermanIdCard, IndonesianIdCard … */
export type DocumentTypeName = Extract<ResolversUnionTypes<ResolversTypes>['ReadDocumentResult'], { documentType: unknown }>['__typename'];

/** The document members of readDocument's union. */
export type DocumentResult = Extract<ResolversUnionTypes<ResolversTypes>['ReadDocumentResult'], { documentType: unknown }>;
