import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * Hands the nodes fixed credentials (the emulator's keys) and applies each credential type's own `authenticate`
 * (its generic qs / headers, with expressions resolved), as n8n's CredentialsHelper does.
 */
export class FixedCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		const options = requestOptions as IHttpRequestOptions & Record<string, Record<string, unknown>>;
		if (!type?.authenticate || typeof type.authenticate !== 'object') return options;
		if (!workflow || !node) throw new Error('Workflow and node are required for generic authentication');
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
				: value;
		options.headers ??= {};
		for (const [where, entries] of Object.entries(type.authenticate.properties)) {
			options[where] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) options[where][String(resolve(key))] = resolve(value);
		}
		return options;
	}

	async preAuthentication(_helpers: IHttpRequestHelper, _credentials: ICredentialDataDecryptedObject): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used: nodes get their credentials through getDecrypted');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No credentials of type ${type} were given`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
