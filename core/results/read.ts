/** Small readers for vendor payloads: the one place a "yes", a "97.5" or a missing key gets its meaning. */

export const recordOf = (data: unknown): Record<string, unknown> =>
	data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};

export const textOf = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));

export const numberOf = (value: unknown): number | null => {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return null;
};

/** The vendors write flags as yes/no (any case), true/false or 1/0. Anything else is not known. */
export function flagOf(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	const text = textOf(value)?.trim().toLowerCase();
	if (text === 'yes' || text === 'true' || text === '1' || text === 'y') return true;
	if (text === 'no' || text === 'false' || text === '0' || text === 'n') return false;
	return null;
}
