import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
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

	// No declarative test: n8n's rules can only say "fail if a key has this value", and a wrong token has several
	// answers. The nodes test this credential (testedBy) with a free call whose good-credential answer is known.
}
