import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';
import { getOperation } from '../../core/catalog';
import { credentialTest } from '../shared/credentialProbe';
import { failuresNotice, optionsCollection, privacyOptionFields } from '../shared/options';
import * as add from './actions/add.operation';
import * as search from './actions/search.operation';
import * as del from './actions/delete.operation';
import { outputsExpression } from './actions/branches';
import { router } from './actions/router';

/** The account's face store: add a face, search for a face, delete a person. */
export class FaceSearch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Face Search',
		name: 'faceSearch',
		icon: { light: 'file:faceSearch.svg', dark: 'file:faceSearch.dark.svg' },
		group: ['transform'],
		// 2: no Failed output (failures follow the node's On Error setting).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ {"add": "Add face", "search": "Search face", "delete": "Delete person"}[$parameter["operation"]] }}',
		description: "Add faces to your account's face store, search it, and delete people from it",
		defaults: { name: 'Face Search' },
		// Deleting a person by id is a natural tool call; adding and searching take base64 text there.
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsExpression,
		credentials: [{ name: 'aiSolutionApi', required: true, testedBy: 'aiSolutionApiTest' }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Add Face', value: 'add', action: 'Add a face', description: getOperation('faceAdd').description },
					{ name: 'Delete Person', value: 'delete', action: 'Delete a person', description: getOperation('faceDelete').description },
					{ name: 'Search Face', value: 'search', action: 'Search for a face', description: getOperation('faceSearch').description },
				],
				default: 'search',
			},
			...add.description,
			...search.description,
			...del.description,
			failuresNotice,
			optionsCollection([privacyOptionFields.keepImage, privacyOptionFields.includeRaw]),
		],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
