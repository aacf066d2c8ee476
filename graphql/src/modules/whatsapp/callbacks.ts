import { createHmac, timingSafeEqual } from 'crypto';
import { normalizePhoneNumber } from '../../../../core';

/**
 * The WhatsApp callback URL this server gives the vendor: /callbacks/whatsapp/<signature>, where the
 * signature is an HMAC of the number. The vendor appends the result as a query string; a callback whose
 * signature does not match its number is refused, so nobody can push results for numbers they did not check.
 * The signature sits in the path because the vendor's docs show it appending `?number=…` to the URL.
 */
export const CALLBACK_PATH = '/callbacks/whatsapp/';

/**
 * The number as the vendor writes it back, in digits: its E.164 form when it can be made one (0812-3456-7890 with
 * country ID → 6281234567890), else the digits as typed. Signatures and subscription topics use this form, so a
 * number typed nationally matches the vendor's callback.
 */
export function numberKey(number: string, country?: string | null): string {
	const phone = normalizePhoneNumber(number, country ?? null);
	return (phone.ok ? phone.e164 : number).replace(/\D/g, '');
}

export class WhatsappCallbacks {
	constructor(
		private readonly secret: string,
		/** The base URL the vendor reaches this server at; null: it cannot, so no callback URL is given. */
		private readonly publicUrl: () => string | null,
	) {}

	private sign(number: string, country?: string | null): Buffer {
		return createHmac('sha256', this.secret)
			.update(`whatsapp:${numberKey(number, country)}`)
			.digest()
			.subarray(0, 18);
	}

	urlFor(number: string, country?: string | null): string | undefined {
		const base = this.publicUrl();
		if (!base) return undefined;
		return `${base.replace(/\/+$/, '')}${CALLBACK_PATH}${this.sign(number, country).toString('base64url')}`;
	}

	verify(signature: string, number: string): boolean {
		const given = Buffer.from(signature, 'base64url');
		const expected = this.sign(number);
		return given.length === expected.length && timingSafeEqual(given, expected);
	}
}
