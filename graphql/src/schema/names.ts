/** How catalog names become GraphQL names, in one place so the schema and the resolvers agree. */

/** deIdCard → DE_ID_CARD; 'SAME PERSON' → SAME_PERSON; yes → YES. */
export function enumValueName(id: string): string {
	return id
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[^A-Za-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.toUpperCase();
}

/** A GraphQL block-string description; the text comes from the catalog, so a triple quote is escaped. */
export function description(text: string | undefined, indent = ''): string {
	if (!text) return '';
	const body = text.replace(/"""/g, '\\"""');
	return `${indent}"""\n${body
		.split('\n')
		.map((line) => `${indent}${line}`)
		.join('\n')}\n${indent}"""\n`;
}
