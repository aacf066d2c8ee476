import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { VENDORS } from '../core/catalog';

/** AI Solution sends the token as `?token=` on every request. */
export class AiSolutionApi implements ICredentialType {
	name = 'aiSolutionApi';

	displayName = 'AI Solution API';

	icon: Icon = { light: 'file:aiSolution.svg', dark: 'file:aiSolution.dark.svg' };

	documentationUrl = 'https://github.com/idverify/n8n-nodes-idverify#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API token of your AI Solution account',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: VENDORS.aisolution.defaultBaseUrl,
			description: 'Change it only to go through a proxy or to use the idverify sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { token: '={{$credentials.token}}' } },
	};

	// Deleting a person id that cannot exist is free: PERSON_ID_NOT_EXIST proves the token was accepted.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/delface',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'person_id=idverify-credential-test',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: 'UNAUTHORIZED', message: 'AI Solution refused the token' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: undefined, message: 'No AI Solution answer at this base URL' },
			},
		],
	};
}
