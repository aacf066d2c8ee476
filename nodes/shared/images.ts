import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ImageValue } from '../../core/client/precheck';
import type { Problem } from '../../core/outcome';

/**
 * Where an image comes from: a binary property of the item (read through n8n's binary-data
 * service, so the filesystem, S3 and database modes all work) or a base64 text.
 */
export interface ImageParameterNames {
	source: string;
	binaryProperty: string;
	base64: string;
}

export function imageParameterNames(prefix = ''): ImageParameterNames {
	if (!prefix) return { source: 'imageSource', binaryProperty: 'binaryPropertyName', base64: 'base64' };
	return { source: `${prefix}Source`, binaryProperty: `${prefix}BinaryPropertyName`, base64: `${prefix}Base64` };
}

export function imageProperties(
	label: string,
	names: ImageParameterNames,
	defaults: { binaryProperty: string },
	displayOptions?: IDisplayOptions,
): INodeProperties[] {
	const defaultProperty = defaults.binaryProperty;
	const shown = (source?: string): IDisplayOptions | undefined => {
		const show = { ...(displayOptions?.show ?? {}), ...(source ? { [names.source]: [source] } : {}) };
		return Object.keys(show).length || displayOptions?.hide ? { ...displayOptions, show } : undefined;
	};
	const withDisplay = (property: INodeProperties, source?: string): INodeProperties => {
		const display = shown(source);
		return display ? { ...property, displayOptions: display } : property;
	};
	return [
		withDisplay({
			displayName: `${label} Source`,
			name: names.source,
			type: 'options',
			options: [
				{ name: 'Binary File', value: 'binary', description: 'A file on the item, e.g. an e-mail attachment or a downloaded file' },
				{ name: 'Base64 Text', value: 'base64', description: 'The image as base64 text, e.g. from a form or an API' },
			],
			default: 'binary',
		}),
		withDisplay(
			{
				displayName: `${label} Binary Property`,
				name: names.binaryProperty,
				type: 'string',
				default: defaultProperty,
				required: true,
				hint: 'The name of the binary property that holds the image',
			},
			'binary',
		),
		withDisplay(
			{
				displayName: `${label} (Base64)`,
				name: names.base64,
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				required: true,
				description: 'The image bytes, base64-encoded (a data: URL prefix is allowed)',
			},
			'base64',
		),
	];
}

export type ImageRead = { image: ImageValue; source: string } | { problem: Problem };

/**
 * Reads one item's image. A missing binary property is an input problem (the item's own fault),
 * returned rather than thrown so the node can route it; unexpected trouble still throws.
 */
export async function readImage(
	context: IExecuteFunctions,
	itemIndex: number,
	names: ImageParameterNames,
	input: string,
): Promise<ImageRead> {
	const source = context.getNodeParameter(names.source, itemIndex, 'binary') as string;
	if (source === 'base64') {
		const base64 = String(context.getNodeParameter(names.base64, itemIndex, '') ?? '');
		if (base64.trim() === '') return { problem: inputProblem('EMPTY_IMAGE', `Item ${itemIndex}: the base64 image is empty`, input) };
		return { image: { base64 }, source: 'base64' };
	}
	const property = String(context.getNodeParameter(names.binaryProperty, itemIndex, 'data') ?? '').trim();
	const item = context.getInputData()[itemIndex];
	if (!property || !item?.binary?.[property]) {
		const present = Object.keys(item?.binary ?? {});
		const hint = present.length ? `; this item has ${present.map((p) => `"${p}"`).join(', ')}` : '; this item has no binary data';
		return { problem: inputProblem('MISSING_BINARY', `Item ${itemIndex} has no binary property "${property}"${hint}`, input, property) };
	}
	context.helpers.assertBinaryData(itemIndex, property);
	const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return { image: bytes, source: `binary:${property}` };
}

function inputProblem(code: string, message: string, input: string, value?: string): Problem {
	return { code, message, retryable: false, vendorStatus: null, input, ...(value !== undefined ? { value } : {}) };
}
