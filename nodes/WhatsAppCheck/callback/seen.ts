import type { IDataObject } from 'n8n-workflow';

/** At most this many callbacks are remembered per trigger node; the ones expiring first are forgotten first. */
export const MAX_REMEMBERED = 2000;

/**
 * Remembers the checks whose callback already started the workflow, in the trigger's static data (stored with the
 * workflow, so every n8n process of a queue-mode setup reads the same list). Returns false when `id` was already
 * there. Entries leave once their token has expired: an expired token is refused anyway.
 */
export function firstCallback(staticData: IDataObject, id: string, expiresAt: number, nowSeconds: number): boolean {
	const stored = staticData.callbacksTaken;
	if (!stored || typeof stored !== 'object' || Array.isArray(stored)) staticData.callbacksTaken = {};
	const seen = staticData.callbacksTaken as Record<string, number>;
	if (typeof seen[id] === 'number' && seen[id] >= nowSeconds) return false;
	seen[id] = expiresAt;
	if (Object.keys(seen).length > MAX_REMEMBERED) {
		const kept = Object.entries(seen)
			.filter(([, until]) => typeof until === 'number' && until >= nowSeconds)
			.sort((a, b) => b[1] - a[1])
			.slice(0, MAX_REMEMBERED);
		staticData.callbacksTaken = Object.fromEntries(kept);
	}
	return true;
}
