import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { VENDORS } from '../core/catalog';

/** AccuAuth takes the API ID and secret as headers; each country has its own host. */
export class AccuAuthApi implements ICredentialType {
	name = 'accuAuthApi';

	displayName = 'AccuAuth API';

	icon: Icon = { light: 'file:accuAuth.svg', dark: 'file:accuAuth.dark.svg' };

	documentationUrl = 'https://github.com/idverify/n8n-nodes-idverify#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: VENDORS.accuauth.defaultBaseUrl,
			description:
				'{country} is replaced by the country of the document (indonesia, ecuador). Change it only to go through a proxy or to use the idverify sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-DF-API-ID': '={{$credentials.apiId}}',
				'X-DF-API-SECRET': '={{$credentials.apiSecret}}',
			},
		},
	};

	// No declarative test: n8n's rules can only say "fail if a key has this value", and a wrong token has several
	// answers. The nodes test this credential (testedBy) with a free call whose good-credential answer is known.
}
