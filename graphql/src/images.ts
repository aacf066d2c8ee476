import type { Problem } from '../../core';
import type { ImageInput } from './schema/types.generated';

/** What the core takes for an image input: the uploaded bytes, or the base64 text (the core decodes and checks it). */
export type ImageValue = Uint8Array | { base64: string };

/** An ImageInput as the core's input value, or why it is not one (nothing is sent then). */
export async function imageValue(
	image: ImageInput | null | undefined,
	input: string,
): Promise<{ value: ImageValue } | { problem: Problem }> {
	const upload = image?.upload ?? null;
	const base64 = image?.base64 ?? null;
	if (upload && base64 !== null)
		return { problem: problem('AMBIGUOUS_IMAGE', `Give the image "${input}" once: as upload or as base64, not both`, input) };
	if (upload) {
		if (typeof (upload as Blob).arrayBuffer !== 'function')
			return { problem: problem('NOT_AN_IMAGE', `Image "${input}": the upload is not a file part of the multipart request`, input) };
		// Yoga's Node File answers arrayBuffer() with the Buffer it already holds: use it as it is, never copy 2 MB.
		const data: ArrayBuffer | Uint8Array = await upload.arrayBuffer();
		return { value: data instanceof Uint8Array ? data : new Uint8Array(data) };
	}
	if (base64 !== null) return { value: { base64 } };
	return { problem: problem('MISSING_IMAGE', `Image "${input}" is missing: give upload (multipart) or base64`, input) };
}

const problem = (code: string, message: string, input: string): Problem => ({ code, message, retryable: false, vendorStatus: null, input });
