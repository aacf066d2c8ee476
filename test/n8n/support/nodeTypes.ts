import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import { NodeHelpers, type ICredentialType, type INodeType, type INodeTypes, type IVersionedNodeType } from 'n8n-workflow';
import { INPUT_NODE_TYPE, TestItems } from './inputNode';

export const PACKAGE_ROOT = path.resolve(__dirname, '../../..');

export interface LoadedPackage {
	packageName: string;
	nodeTypes: INodeTypes;
	credentialTypes: Record<string, ICredentialType>;
	/** The full type name n8n gives one of our nodes: `<package>.<node>`. */
	type(node: string): string;
}

/** Loads the built package (dist/) the way n8n loads an installed community package. */
export async function loadPackage(): Promise<LoadedPackage> {
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	const byType = new Map<string, INodeType | IVersionedNodeType>();
	for (const [name, data] of Object.entries(loader.nodeTypes)) byType.set(`${loader.packageName}.${name}`, data.type);
	byType.set(INPUT_NODE_TYPE, new TestItems());
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
