import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Callback tokens: the WhatsApp Check node adds one to the callback URL it gives the vendor, and whoever receives the
 * callback (the WhatsApp Check Trigger, or the node itself when it waits) checks it. A token is an HMAC over the
 * number and an expiry, keyed from the AI Solution credential, so only someone holding that credential can make one,
 * and a callback about another number, or after the expiry, is refused.
 *
 * Token text: `<expiry in Unix seconds>.<base64url HMAC-SHA256>`.
 */

/** The query parameter the token travels in. Everything the vendor appends comes after it. */
export const TOKEN_PARAMETER = 'idv_token';

/** What a token was made for: a trigger's callback URL, or the resume URL of a waiting execution. */
export type CallbackUse = 'trigger' | 'wait';

// A fixed label: the key signs callbacks and nothing else, and the credential token itself is never used as a key.
const SIGNING_PURPOSE = 'idverify/whatsapp-callback/v1';

/** The signing key, derived from the AI Solution token. */
export function callbackKey(credentialToken: string): Buffer {
	if (!credentialToken) throw new Error('The AI Solution credential has no token to sign callbacks with');
	return createHmac('sha256', credentialToken).update(SIGNING_PURPOSE).digest();
}

/** Digits only: the vendor writes numbers as `+62…`, people and URLs as they like. */
export const numberDigits = (number: string): string => number.replace(/\D/g, '');

function mac(key: Buffer, use: CallbackUse, number: string, expiresAt: number): Buffer {
	return createHmac('sha256', key)
		.update(`${use}\n${numberDigits(number)}\n${expiresAt}`)
		.digest();
}

/** A token for `number` (E.164) valid until `expiresAt` (Unix seconds). */
export function signCallback(key: Buffer, use: CallbackUse, number: string, expiresAt: number): string {
	return `${Math.floor(expiresAt)}.${mac(key, use, number, Math.floor(expiresAt)).toString('base64url')}`;
}

export type TokenCheck =
	| { valid: true; expiresAt: number; id: string }
	| { valid: false; reason: 'missing' | 'malformed' | 'forged' | 'expired' };

/**
 * Whether `token` was made with `key` for this number and use, and has not expired at `nowSeconds`.
 * `id` names the check it belongs to (the same for a repeated callback), for remembering callbacks already taken.
 */
export function verifyCallback(key: Buffer, use: CallbackUse, token: string | null, number: string | null, nowSeconds: number): TokenCheck {
	if (!token) return { valid: false, reason: 'missing' };
	const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match || !number || numberDigits(number) === '') return { valid: false, reason: 'malformed' };
	const expiresAt = Number(match[1]);
	const given = Buffer.from(match[2], 'base64url');
	const expected = mac(key, use, number, expiresAt);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'forged' };
	if (nowSeconds > expiresAt) return { valid: false, reason: 'expired' };
	return { valid: true, expiresAt, id: match[2] };
}

/** The callback URL with the token added last, so the parameters the vendor appends follow it. */
export function withToken(url: string, token: string): string {
	const parsed = new URL(url);
	parsed.searchParams.append(TOKEN_PARAMETER, token);
	return parsed.toString();
}

export interface CallbackQuery {
	token: string | null;
	/** The vendor's parameters only (number, whatsapp, status_update, signature …), not those before the token. */
	vendor: Record<string, string>;
}

/**
 * Splits a callback's query (the raw text after `?`) into the token and the vendor's parameters. Parameters before the
 * token belong to the URL we gave (n8n's own `signature` on a resume URL); those after it are the vendor's. A vendor
 * that appends `?number=…` to a URL that already has a query makes the token read `<token>?number=…`: that is split too.
 */
export function splitCallbackQuery(rawQuery: string): CallbackQuery {
	const vendor: Record<string, string> = {};
	let token: string | null = null;
	// `…&idv_token=<token>?number=…`: the vendor's "?" starts its own parameters.
	const query = rawQuery.replace(/^\?/, '').replace(new RegExp(`(^|&)(${TOKEN_PARAMETER}=[^&?]*)\\?`), '$1$2&');
	for (const [name, value] of new URLSearchParams(query)) {
		if (token === null) {
			if (name === TOKEN_PARAMETER) token = value;
			continue;
		}
		vendor[name] ??= value;
	}
	return { token, vendor };
}

/**
 * The raw query of a request (`/path?a=1` → `a=1`), which keeps the parameters' order. Without a URL, the parsed query
 * in its own order.
 */
export function rawQueryOf(request: { originalUrl?: string; url?: string; query?: unknown }): string {
	const url = request.originalUrl ?? request.url ?? '';
	const at = url.indexOf('?');
	if (at !== -1) return url.slice(at + 1);
	const query = new URLSearchParams();
	const parsed = (request.query && typeof request.query === 'object' ? request.query : {}) as Record<string, unknown>;
	for (const [name, value] of Object.entries(parsed))
		for (const one of Array.isArray(value) ? value : [value]) query.append(name, String(one));
	return query.toString();
}
