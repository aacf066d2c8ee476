/** How the vendors' keys become names in our surfaces (n8n item fields, GraphQL arguments and fields). */

/** detect_face → detectFace; card_info.id_number → cardInfoIdNumber. */
export function fieldName(key: string): string {
	const camel = key.replace(/[^A-Za-z0-9]+(.)?/g, (_m, next: string | undefined) => (next ? next.toUpperCase() : ''));
	return camel.charAt(0).toLowerCase() + camel.slice(1);
}

/** The value a `flag` input sends: the vendors take 1 or 0; people give true/false, yes/no or 1/0. */
export function flagValue(value: unknown): '1' | '0' | null {
	if (value === true || value === 1 || value === '1' || value === 'true' || value === 'yes') return '1';
	if (value === false || value === 0 || value === '0' || value === 'false' || value === 'no') return '0';
	return null;
}

/** A table's own entry for a key the vendor chose: never an inherited one such as `constructor`. */
export function ownEntry<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
	return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
