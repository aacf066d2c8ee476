import { PackageDirectoryLoader } from 'n8n-core';
import { NodeHelpers, type ICredentialType, type INodeType, type INodeTypes, type IVersionedNodeType } from 'n8n-workflow';

/** Our built package as n8n sees it, plus the extra node types a harness adds (an input node, n8n's own nodes). */
export interface LoadedPackage {
	packageName: string;
	nodeTypes: INodeTypes;
	credentialTypes: Record<string, ICredentialType>;
	/** The full type name n8n gives one of our nodes: `<package>.<node>`. */
	type(node: string): string;
}

/**
 * Loads the built package (dist/ under `root`) the way n8n loads an installed community package, with n8n-core's
 * PackageDirectoryLoader. `extraTypes` are added by their full type names.
 */
export async function loadBuiltPackage(
	root: string,
	extraTypes: Record<string, INodeType | IVersionedNodeType> = {},
): Promise<LoadedPackage> {
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	const byType = new Map<string, INodeType | IVersionedNodeType>(Object.entries(extraTypes));
	for (const [name, data] of Object.entries(loader.nodeTypes)) byType.set(`${loader.packageName}.${name}`, data.type);
	const credentialTypes = Object.fromEntries(Object.entries(loader.credentialTypes).map(([name, data]) => [name, data.type]));
	const nodeTypes: INodeTypes = {
		getByName: (type) => {
			const found = byType.get(type);
			if (!found) throw new Error(`Unknown node type ${type}`);
			return found;
		},
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeTypes.getByName(type), version),
		getKnownTypes: () => Object.fromEntries([...byType.keys()].map((type) => [type, { className: type, sourcePath: '' }])),
	};
	return { packageName: loader.packageName, nodeTypes, credentialTypes, type: (node) => `${loader.packageName}.${node}` };
}
