import type { IExecuteFunctions } from 'n8n-workflow';
import type { VendorId } from '../../core/catalog/types';

/** The n8n credential type that authenticates each vendor. */
export const CREDENTIAL_OF: Record<VendorId, string> = {
	aisolution: 'aiSolutionApi',
	accuauth: 'accuAuthApi',
};

export interface VendorAccess {
	baseUrl?: string;
	/** Values the core strips from every message it returns. */
	secrets: string[];
}

/** Reads what the core needs from a vendor's credential: its base URL, and the secrets to keep out of messages. */
export async function vendorAccess(context: IExecuteFunctions, vendor: VendorId): Promise<VendorAccess> {
	const credentials = await context.getCredentials(CREDENTIAL_OF[vendor]);
	const baseUrl = typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== '' ? credentials.baseUrl.trim() : undefined;
	const secretKeys = vendor === 'aisolution' ? ['token'] : ['apiSecret', 'apiId'];
	const secrets = secretKeys
		.map((key) => credentials[key])
		.filter((value): value is string => typeof value === 'string' && value.length > 0);
	return { baseUrl, secrets };
}
