import path from 'node:path';
import { loadBuiltPackage, type LoadedPackage } from '../../../bench/support/n8n/package';
import { INPUT_NODE_TYPE, TestItems } from './inputNode';

export type { LoadedPackage };

export const PACKAGE_ROOT = path.resolve(__dirname, '../../..');

/** Loads the built package (dist/) the way n8n loads an installed community package, with the tests' input node. */
export async function loadPackage(): Promise<LoadedPackage> {
	return loadBuiltPackage(PACKAGE_ROOT, { [INPUT_NODE_TYPE]: new TestItems() });
}
