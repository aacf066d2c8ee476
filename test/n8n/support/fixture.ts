import { startEmulator, type Emulator } from '../../../emulator';
import { loadPackage, type LoadedPackage } from './nodeTypes';
import { useFilesystemBinaryData } from '../../../bench/support/n8n/binaryData';
import { runNode, type NodeUnderTest, type RunResult } from './run';
import type { InputItem } from './inputNode';

export interface N8nFixture {
	pkg: LoadedPackage;
	emulator: Emulator;
	binaryDirectory: string;
	/** Credentials of both vendors pointing at the emulator. */
	credentials: { aiSolutionApi: { token: string; baseUrl: string }; accuAuthApi: { apiId: string; apiSecret: string; baseUrl: string } };
	run(node: NodeUnderTest, items: InputItem[]): Promise<RunResult>;
	close(): Promise<void>;
}

/** The built package, the emulator behind both credentials, and filesystem binary data: one per test file. */
export async function n8nFixture(): Promise<N8nFixture> {
	const [pkg, emulator, binary] = await Promise.all([loadPackage(), startEmulator(), useFilesystemBinaryData()]);
	const credentials = {
		aiSolutionApi: { token: emulator.credentials.token, baseUrl: emulator.baseUrls.aisolution },
		accuAuthApi: { apiId: emulator.credentials.apiId, apiSecret: emulator.credentials.apiSecret, baseUrl: emulator.baseUrls.accuauth },
	};
	return {
		pkg,
		emulator,
		binaryDirectory: binary.directory,
		credentials,
		run: (node, items) => runNode(pkg, credentials, node, items),
		close: async () => {
			await emulator.close();
			binary.dispose();
		},
	};
}
