import { createHmac, timingSafeEqual } from 'crypto';

/**
 * The WhatsApp callback URL this server gives the vendor: /callbacks/whatsapp/<signature>, where the
 * signature is an HMAC of the number. The vendor appends the result as a query string; a callback whose
 * signature does not match its number is refused, so nobody can push results for numbers they did not check.
 * The signature sits in the path because the vendor's docs show it appending `?number=…` to the URL.
 */
export const CALLBACK_PATH = '/callbacks/whatsapp/';

/** The digits of a phone number: +62 813-1165 → 628131165. Topics and signatures use this form. */
export const numberKey = (number: string) => number.replace(/\D/g, '');

export class WhatsappCallbacks {
	constructor(
		private readonly secret: string,
		/** The base URL the vendor reaches this server at; null: it cannot, so no callback URL is given. */
		private readonly publicUrl: () => string | null,
	) {}

	private sign(number: string): Buffer {
		return createHmac('sha256', this.secret)
			.update(`whatsapp:${numberKey(number)}`)
			.digest()
			.subarray(0, 18);
	}

	urlFor(number: string): string | undefined {
		const base = this.publicUrl();
		if (!base) return undefined;
		return `${base.replace(/\/+$/, '')}${CALLBACK_PATH}${this.sign(number).toString('base64url')}`;
	}

	verify(signature: string, number: string): boolean {
		const given = Buffer.from(signature, 'base64url');
		const expected = this.sign(number);
		return given.length === expected.length && timingSafeEqual(given, expected);
	}
}
