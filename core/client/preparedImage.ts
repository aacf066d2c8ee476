import { createHash } from 'crypto';

/**
 * An image that passed the local checks, kept in the form it arrived in: bytes (an n8n binary, an upload) or
 * base64 text (JSON). A request makes the other form only when it needs it: AI Solution's form body takes the
 * text, AccuAuth's multipart body the bytes. Keeping a decoded copy of every base64 image cost the GraphQL server
 * more CPU per request (a fresh 110 KB buffer, then its collection) than decoding it.
 */
export class PreparedImage {
	private constructor(
		readonly byteLength: number,
		private readonly asBytes?: Uint8Array,
		private readonly asBase64?: string,
	) {}

	static fromBytes(bytes: Uint8Array): PreparedImage {
		return new PreparedImage(bytes.byteLength, bytes);
	}

	/** `text` is plain base64 (checked), `byteLength` what it decodes to. */
	static fromBase64(text: string, byteLength: number): PreparedImage {
		return new PreparedImage(byteLength, undefined, text);
	}

	base64(): string {
		if (this.asBase64 !== undefined) return this.asBase64;
		const bytes = this.asBytes!;
		return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
	}

	bytes(): Uint8Array {
		return this.asBytes ?? Buffer.from(this.asBase64!, 'base64');
	}

	/** Whether bytes() decodes a fresh copy (the image arrived as base64), ours to overwrite once used. */
	get bytesAreACopy(): boolean {
		return this.asBytes === undefined;
	}

	/** The same for the same image, whichever form it arrived in. */
	sha256(): string {
		const bytes = this.bytes();
		const digest = createHash('sha256').update(bytes).digest('hex');
		if (this.bytesAreACopy) bytes.fill(0);
		return digest;
	}
}
