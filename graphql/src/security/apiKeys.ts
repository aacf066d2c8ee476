import { createHash } from 'crypto';
import type { ApiKeyConfig } from '../config';

/** Client API keys, known only by their sha256: the server never holds a key in clear. */
export class ApiKeys {
	private readonly byHash: Map<string, ApiKeyConfig>;
	/** A request's answer, so the auth plugin and the context hash its key once: keyed by the request's headers, not the key. */
	private readonly byRequest = new WeakMap<Headers, ApiKeyConfig | null>();

	constructor(keys: readonly ApiKeyConfig[]) {
		this.byHash = new Map(keys.map((key) => [key.sha256.toLowerCase(), key]));
	}

	get size(): number {
		return this.byHash.size;
	}

	/** The key a request carries (`Authorization: Bearer <key>` or `X-API-Key: <key>`), if it is one of ours. */
	identify(headers: Headers): ApiKeyConfig | null {
		const known = this.byRequest.get(headers);
		if (known !== undefined) return known;
		const presented = presentedKey(headers);
		const key = presented ? (this.byHash.get(sha256(presented)) ?? null) : null;
		this.byRequest.set(headers, key);
		return key;
	}
}

export function presentedKey(headers: Headers): string | null {
	const auth = headers.get('authorization');
	const bearer = auth && /^Bearer\s+(\S+)\s*$/i.exec(auth);
	if (bearer) return bearer[1];
	return headers.get('x-api-key')?.trim() || null;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
