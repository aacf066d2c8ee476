import { CREDENTIAL_IDS, type WorkflowFile } from '../../scripts/n8n/sandbox';

/**
 * Small helpers that write n8n workflow JSON for the test-only workflows (the examples in examples/n8n are
 * plain JSON, made for people). Positions are laid out left to right so a workflow can be opened and read.
 */

export interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	webhookId?: string;
}

export interface SampleItem {
	json: Record<string, unknown>;
	/** Binary properties as bytes (PNG unless `mimeType` says otherwise). */
	binary?: Record<string, Buffer | { bytes: Buffer; mimeType: string; fileName: string }>;
}

let counter = 0;
const nodeId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function node(name: string, type: string, parameters: Record<string, unknown>, extra: Partial<NodeJson> = {}): NodeJson {
	return { id: nodeId(), name, type, typeVersion: 1, position: [0, 0], parameters, ...extra };
}

export const manualTrigger = (name = 'Start') => node(name, 'n8n-nodes-base.manualTrigger', {});

export const noOp = (name: string) => node(name, 'n8n-nodes-base.noOp', {});

/** A Code node that outputs these items, binaries included (base64 inside the code). */
export function sampleItems(name: string, items: SampleItem[]): NodeJson {
	const out = items.map((item) => ({
		json: item.json,
		...(item.binary
			? {
					binary: Object.fromEntries(
						Object.entries(item.binary).map(([key, value]) => {
							const file = Buffer.isBuffer(value) ? { bytes: value, mimeType: 'image/png', fileName: `${key}.png` } : value;
							return [key, { data: file.bytes.toString('base64'), mimeType: file.mimeType, fileName: file.fileName }];
						}),
					),
				}
			: {}),
	}));
	return node(name, 'n8n-nodes-base.code', { jsCode: `return ${JSON.stringify(out, null, 2)};` }, { typeVersion: 2 });
}

const CREDENTIALS = {
	aiSolution: { aiSolutionApi: { id: CREDENTIAL_IDS.aiSolution, name: 'AI Solution (idverify sandbox)' } },
	accuAuth: { accuAuthApi: { id: CREDENTIAL_IDS.accuAuth, name: 'AccuAuth (idverify sandbox)' } },
	both: {
		aiSolutionApi: { id: CREDENTIAL_IDS.aiSolution, name: 'AI Solution (idverify sandbox)' },
		accuAuthApi: { id: CREDENTIAL_IDS.accuAuth, name: 'AccuAuth (idverify sandbox)' },
	},
	none: undefined,
};

/** One of this package's nodes, as users get it: `n8n-nodes-idverify.<name>`. */
export function idverifyNode(
	name: string,
	nodeName: 'idDocumentOcr' | 'faceMatch' | 'faceSearch' | 'whatsAppCheck' | 'whatsAppCheckTrigger',
	parameters: Record<string, unknown>,
	options: { credentials?: keyof typeof CREDENTIALS; onError?: NodeJson['onError']; webhookId?: string } = {},
): NodeJson {
	const credentials = CREDENTIALS[options.credentials ?? 'aiSolution'];
	return node(name, `n8n-nodes-idverify.${nodeName}`, parameters, {
		...(credentials ? { credentials } : {}),
		...(options.onError ? { onError: options.onError } : {}),
		...(options.webhookId ? { webhookId: options.webhookId } : {}),
	});
}

/** A connection: `from`'s output number `output` into `to`. */
export type Link = [from: string, output: number, to: string];

export function workflow(id: string, name: string, nodes: NodeJson[], links: Link[]): WorkflowFile {
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const [from, output, to] of links) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	// Left to right by depth from the first node, one row per node at each depth.
	const depth = new Map<string, number>([[nodes[0].name, 0]]);
	for (let pass = 0; pass < nodes.length; pass++) {
		for (const [from, , to] of links) if (depth.has(from)) depth.set(to, Math.max(depth.get(to) ?? 0, (depth.get(from) ?? 0) + 1));
	}
	const rows = new Map<number, number>();
	for (const item of nodes) {
		const column = depth.get(item.name) ?? 0;
		const row = rows.get(column) ?? 0;
		rows.set(column, row + 1);
		item.position = [column * 260, row * 180];
	}
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
}
