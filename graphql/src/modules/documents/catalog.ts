import { documentOperations, type InputSpec, type Operation } from '../../../../core';
import { fieldName } from '../../../../core';
import { enumValueName } from '../../schema/names';

/** The catalog as the GraphQL surface sees it: which operations it serves and under which names. */

/** A document's enum value (DE_ID_CARD) and the operation that reads it. */
export const DOCUMENTS: readonly { id: string; op: Operation }[] = documentOperations().map((op) => ({ id: enumValueName(op.id), op }));

const byDocumentId = new Map(DOCUMENTS.map((d) => [d.id, d.op]));

export function documentOperation(documentId: string): Operation {
	const op = byDocumentId.get(documentId);
	if (!op) throw new Error(`Unknown document ${documentId}`);
	return op;
}

/** The inputs of document operations that are not the image (Ecuador's detect_face): readDocument's options. */
export function documentOptions(): { spec: InputSpec; arg: string; operations: Operation[] }[] {
	const options = new Map<string, { spec: InputSpec; arg: string; operations: Operation[] }>();
	for (const { op } of DOCUMENTS) {
		for (const spec of op.inputs) {
			if (spec.type === 'image') continue;
			const entry = options.get(spec.name) ?? { spec, arg: fieldName(spec.name), operations: [] };
			entry.operations.push(op);
			options.set(spec.name, entry);
		}
	}
	return [...options.values()];
}

/** A yes/no input (the vendor takes 1 or 0) is a Boolean argument. */
export const isFlag = (spec: InputSpec) => spec.type === 'flag';
