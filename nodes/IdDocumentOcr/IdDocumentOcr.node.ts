import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { ocrCredentialDisplay, ocrSubtitle } from './descriptions';
import { ocrOutputs } from './actions/branches';
import * as read from './actions/read.operation';
import * as validateFields from './actions/validateFields.operation';
import { router } from './actions/router';
import { failuresNotice } from '../shared/options';
import { credentialTest } from '../shared/credentialProbe';

/** Reads an ID document from an image; each item leaves on the output that names its outcome. */
export class IdDocumentOcr implements INodeType {
	// The subtitle is built from the catalog, which the linter cannot read.
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle
	description: INodeTypeDescription = {
		displayName: 'ID Document OCR',
		name: 'idDocumentOcr',
		icon: { light: 'file:idDocumentOcr.svg', dark: 'file:idDocumentOcr.dark.svg' },
		group: ['transform'],
		// 2: no default country, and no Failed output (failures follow the node's On Error setting).
		version: [1, 2],
		defaultVersion: 2,
		// Country and document names from the catalog (Germany · ID card), not their codes.
		subtitle: ocrSubtitle,
		description: 'Read ID cards, driving licences, Aadhaar and PAN cards: fields, a canonical document and validity checks',
		defaults: { name: 'ID Document OCR' },
		// As a tool, Validate Fields checks an ID number's dates for free (with personal numbers masked by default).
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: ocrOutputs,
		credentials: [
			{ name: 'aiSolutionApi', required: true, testedBy: 'aiSolutionApiTest', displayOptions: ocrCredentialDisplay('aisolution') },
			{ name: 'accuAuthApi', required: true, testedBy: 'accuAuthApiTest', displayOptions: ocrCredentialDisplay('accuauth') },
		],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Read Document', value: 'read', action: 'Read an ID document', description: 'Read a document from an image (paid)' },
					{
						name: 'Validate Fields',
						value: 'validateFields',
						action: 'Validate document fields',
						description: "Check a document's fields as a reviewer corrected them: free, offline, no image",
					},
				],
				default: 'read',
			},
			...read.documentChoice,
			...read.description,
			read.readOptions,
			...validateFields.description,
			failuresNotice,
		],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
