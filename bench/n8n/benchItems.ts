import { createHash } from 'node:crypto';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { makeJpeg } from '../support/images';

export const BENCH_ITEMS_TYPE = 'idverifyBench.items';

/** What the benchmark's input node emits. */
export interface BenchItemsSpec {
	count: number;
	/** false: every item carries the same image (for the dedupe figure). */
	distinct: boolean;
	/** File size of each JPEG. */
	bytes: number;
	/** Also put the image as base64 in `json.img`, for an HTTP Request node that sends it as a form field. */
	base64Json: boolean;
}

/**
 * Stands in for a trigger (e-mail attachments, a form upload): makes `count` JPEG ID-card images and
 * stores each through n8n's binary-data service with prepareBinaryData, as a real trigger stores a file.
 * The images are made here, not passed in a parameter, so a 1,000-item run does not hold them twice.
 */
export class BenchItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench Items',
		name: BENCH_ITEMS_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits benchmark items with an ID-card image each',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Spec', name: 'spec', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const spec = JSON.parse(this.getNodeParameter('spec', 0) as string) as BenchItemsSpec;
		const same = spec.distinct ? undefined : makeJpeg(1200, 800, { marker: 'idv:face=same', padToBytes: spec.bytes, deterministic: true });
		const items: INodeExecutionData[] = [];
		for (let index = 0; index < spec.count; index++) {
			// A marker and random filler make every image distinct, so nothing is deduplicated.
			const bytes = same ?? makeJpeg(1200, 800, { marker: `idv:face=item-${index}`, padToBytes: spec.bytes });
			items.push({
				// sha256 of the image, as the emulator's accounting names it: ties each item to its vendor calls.
				json: {
					index,
					sha256: createHash('sha256').update(bytes).digest('hex'),
					...(spec.base64Json ? { img: bytes.toString('base64') } : {}),
				},
				binary: { data: await this.helpers.prepareBinaryData(bytes, `card-${index}.jpg`, 'image/jpeg') },
				pairedItem: { item: 0 },
			});
		}
		return [items];
	}
}
