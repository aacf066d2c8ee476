import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Container } from '@n8n/di';
import { BinaryDataService, type BinaryDataConfig } from 'n8n-core';

/**
 * n8n's binary-data service in filesystem mode on a temporary folder: files that items carry are
 * written there and nodes must read them back through the service (the mode n8n uses by default).
 */
export async function useFilesystemBinaryData(): Promise<{ directory: string; dispose: () => void }> {
	const directory = mkdtempSync(path.join(tmpdir(), 'idverify-n8n-binary-'));
	const config = {
		mode: 'filesystem',
		availableModes: ['filesystem'],
		localStoragePath: directory,
		signingSecret: 'test-signing-secret',
		dbMaxFileSize: 512,
	} as unknown as BinaryDataConfig;
	const quiet = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
	const service = new BinaryDataService(config, quiet as never, quiet as never);
	await service.init();
	Container.set(BinaryDataService, service);
	return { directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}
