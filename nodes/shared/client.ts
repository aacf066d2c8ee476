import { sleep, type IExecuteFunctions } from 'n8n-workflow';
import { createClient, type Scope } from '../../core';
import type { VendorId } from '../../core/catalog/types';
import type { NormalizeOptions } from '../../core/normalize/types';
import { vendorAccess } from './credentials';
import type { RunOptions } from './options';
import { n8nTransport } from './transport';

/**
 * One client scope for one run of a node: every item of the run shares it, so an image that
 * appears in several items is sent (and paid for) once. Only the credentials of the vendors the
 * run uses are read.
 */
export async function runScope(
	context: IExecuteFunctions,
	vendors: Iterable<VendorId>,
	options: RunOptions,
	normalize?: NormalizeOptions,
): Promise<Scope> {
	const baseUrls: Partial<Record<VendorId, string>> = {};
	const secrets: string[] = [];
	const ratePerSecond: Partial<Record<VendorId, number>> = {};
	for (const vendor of new Set(vendors)) {
		const access = await vendorAccess(context, vendor);
		if (access.baseUrl) baseUrls[vendor] = access.baseUrl;
		secrets.push(...access.secrets);
		if (options.requestsPerSecond > 0) ratePerSecond[vendor] = options.requestsPerSecond;
	}
	const client = createClient({
		transport: n8nTransport(context),
		baseUrls,
		secrets,
		concurrency: options.concurrency,
		ratePerSecond,
		retry: { attempts: options.attempts },
		timeoutMs: options.timeoutMs,
		rateLimitWaitMs: options.rateLimitWaitMs,
		resendLostAnswers: options.resendLostAnswers,
		sleep,
		...(normalize ? { normalize } : {}),
	});
	return client.scope();
}
