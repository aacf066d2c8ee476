import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** What the test input node emits: json, and files that go through n8n's binary-data service. */
export interface InputItem {
	json?: IDataObject;
	binary?: Record<string, { bytes: Buffer; fileName?: string; mimeType?: string }>;
}

export const INPUT_NODE_TYPE = 'idverifyTest.items';

/**
 * Stands in for a trigger (an e-mail or form trigger): emits the items in its `items` parameter,
 * storing each file with prepareBinaryData, exactly as a real trigger stores an attachment.
 */
export class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: INPUT_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const spec = JSON.parse(this.getNodeParameter('items', 0) as string) as Array<{
			json?: IDataObject;
			binary?: Record<string, { base64: string; fileName?: string; mimeType?: string }>;
		}>;
		const items: INodeExecutionData[] = [];
		for (const [index, item] of spec.entries()) {
			const out: INodeExecutionData = { json: item.json ?? {}, pairedItem: { item: 0 } };
			if (item.binary) {
				out.binary = {};
				for (const [property, file] of Object.entries(item.binary)) {
					out.binary[property] = await this.helpers.prepareBinaryData(
						Buffer.from(file.base64, 'base64'),
						file.fileName ?? `file-${index}`,
						file.mimeType,
					);
				}
			}
			items.push(out);
		}
		return [items];
	}
}

/** The node parameter that carries the items. */
export function itemsParameter(items: InputItem[]): string {
	return JSON.stringify(
		items.map((item) => ({
			json: item.json ?? {},
			...(item.binary
				? {
						binary: Object.fromEntries(
							Object.entries(item.binary).map(([property, file]) => [
								property,
								{ base64: file.bytes.toString('base64'), fileName: file.fileName, mimeType: file.mimeType },
							]),
						),
					}
				: {}),
		})),
	);
}
