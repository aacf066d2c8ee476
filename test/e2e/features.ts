import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/n8n/install';

/**
 * Which of the nodes' newer features the built package has, read from the node descriptions in dist/ (what n8n
 * loads), so the tests of a feature run as soon as it lands and say why they are skipped before. Features are
 * found by what users see (display names), and the tests use the parameter names found here.
 */

interface Option {
	name: string;
	value?: unknown;
	displayName?: string;
	options?: Option[];
}

export interface Property {
	displayName: string;
	name: string;
	type: string;
	default?: unknown;
	options?: Option[];
	displayOptions?: { show?: Record<string, unknown[]> };
}

interface Description {
	name: string;
	properties: Property[];
	credentials?: Array<{ name: string }>;
}

const NODE_FILES = {
	idDocumentOcr: 'IdDocumentOcr/IdDocumentOcr.node.js',
	whatsAppCheck: 'WhatsAppCheck/WhatsAppCheck.node.js',
	whatsAppCheckTrigger: 'WhatsAppCheckTrigger/WhatsAppCheckTrigger.node.js',
} as const;

/** A node's description as the built package gives it to n8n (`npm run build` first; test/e2e/run.sh does). */
export function builtDescription(node: keyof typeof NODE_FILES): Description {
	const file = join(REPO_ROOT, 'dist', 'nodes', NODE_FILES[node]);
	if (!existsSync(file)) throw new Error(`${file} is missing: build the package first (npm run build)`);
	// The built package is plain CommonJS, loaded the way n8n loads it.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(file) as Record<string, new () => { description: Description }>;
	const NodeClass = Object.values(module).find((value) => typeof value === 'function');
	if (!NodeClass) throw new Error(`${file} exports no node class`);
	return new NodeClass().description;
}

/** Every property, including those inside collections (e.g. the Options collection), with its parent's name. */
function allProperties(description: Description): Array<{ property: Property; parent?: string }> {
	const out: Array<{ property: Property; parent?: string }> = [];
	for (const property of description.properties) {
		out.push({ property });
		for (const child of property.options ?? []) {
			if ('displayName' in child && child.displayName) out.push({ property: child as unknown as Property, parent: property.name });
		}
	}
	return out;
}

export interface FoundParameter {
	/** The parameter's name, and the collection it sits in (e.g. `options`) if any. */
	name: string;
	parent?: string;
	property: Property;
}

/** The first parameter whose display name matches. */
export function findParameter(description: Description, displayName: RegExp): FoundParameter | null {
	const found = allProperties(description).find(({ property }) => displayName.test(property.displayName));
	return found ? { name: found.property.name, parent: found.parent, property: found.property } : null;
}

/** The first option (of an options parameter) whose label matches: the parameter and the option's value. */
export function findOptionValue(description: Description, label: RegExp): { parameter: FoundParameter; value: unknown } | null {
	for (const { property, parent } of allProperties(description)) {
		if (property.type !== 'options' && property.type !== 'multiOptions') continue;
		const option = property.options?.find((candidate) => label.test(candidate.name));
		if (option) return { parameter: { name: property.name, parent, property }, value: option.value };
	}
	return null;
}

/** Sets a found parameter in a node's parameters (inside its collection when it has one). */
export function setParameter(parameters: Record<string, unknown>, parameter: FoundParameter, value: unknown): Record<string, unknown> {
	if (!parameter.parent) return { ...parameters, [parameter.name]: value };
	const collection = (parameters[parameter.parent] ?? {}) as Record<string, unknown>;
	return { ...parameters, [parameter.parent]: { ...collection, [parameter.name]: value } };
}

/** For `describe.skip` messages: printed once per missing feature so a skipped suite says why. */
export function describeIf(available: boolean, why: string): jest.Describe {
	if (!available) console.warn(`SKIPPED: ${why}`);
	return available ? describe : describe.skip;
}
