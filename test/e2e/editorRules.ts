/**
 * Rules of n8n's editor (n8n-editor-ui 2.41.1) that decide what a node's settings panel shows, taken from
 * its `getNodeAuthFields` / `getMainAuthField` / `findAlternativeAuthField` (nodeTypesUtils): the editor
 * takes one parameter as the node's "authentication" field and shows it in the credential dialog instead of
 * the settings panel. That is the parameter named `authentication`, or else the first parameter named in the
 * credentials' `displayOptions.show` whose every option value appears there. A Country dropdown whose
 * countries the credentials' `show` lists cover completely is hidden that way.
 */

interface Option {
	value?: unknown;
}

interface Property {
	name: string;
	options?: Option[];
	displayOptions?: { show?: Record<string, unknown[]> };
}

export interface NodeTypeDescription {
	name: string;
	version: number | number[];
	properties: Property[];
	credentials?: Array<{ name: string; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

/** The parameter the editor moves out of the settings panel as the "authentication" field, if any. */
export function editorAuthField(node: NodeTypeDescription): Property | null {
	const shownBy: Record<string, string[]> = {};
	for (const credential of node.credentials ?? []) {
		for (const [name, values] of Object.entries(credential.displayOptions?.show ?? {})) {
			shownBy[name] = [...(shownBy[name] ?? []), ...values.map((value) => (value ? String(value) : ''))];
		}
	}
	const authFields = node.properties.filter((property) => property.name in shownBy);
	const named = authFields.find(
		(property) => property.name === 'authentication' && !property.options?.some((option) => option.value === 'none'),
	);
	if (named) return named;
	return (
		authFields.find(
			(property) =>
				!!property.options?.length &&
				property.options.every((option) => typeof option.value !== 'string' || shownBy[property.name].includes(option.value)),
		) ?? null
	);
}
