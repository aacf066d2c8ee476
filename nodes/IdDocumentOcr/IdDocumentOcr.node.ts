import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { ocrCredentials } from './descriptions';
import { description, execute, OCR_BRANCHES } from './actions/read.operation';

/** Reads an ID document from an image; each item leaves on the output that names its outcome. */
export class IdDocumentOcr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ID Document OCR',
		name: 'idDocumentOcr',
		icon: { light: 'file:idDocumentOcr.svg', dark: 'file:idDocumentOcr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["country"] + " · " + $parameter["document"]}}',
		description: 'Read ID cards, driving licences, Aadhaar and PAN cards: fields, a canonical document and validity checks',
		defaults: { name: 'ID Document OCR' },
		// Not an AI tool: it reads images from binary data, which tools cannot pass.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: OCR_BRANCHES.map(() => NodeConnectionTypes.Main),
		outputNames: [...OCR_BRANCHES],
		credentials: ocrCredentials(),
		properties: description,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
