import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { getOperation, VENDORS } from '../../core/catalog';
import type { VendorId } from '../../core/catalog/types';
import { redact } from '../../core/client/redact';
import { buildRequest, endpointUrl } from '../../core/client/request';
import { interpret } from '../../core/client/response';
import type { TransportRequest, TransportResponse } from '../../core/client/transport';

/**
 * The credentials' Test button. A free call whose answer to good credentials is known:
 * - AI Solution: delete a person id that cannot exist. PERSON_ID_NOT_EXIST (or OK) means the token works; anything
 *   else (INVALID_REQUEST, INVALID_TOKEN, "invalid token", HTTP 401/403) means it does not. One reading of the docs
 *   (a wrong token answered like any bad field, per endpoint) makes delface answer a wrong token exactly like a good
 *   one: no free call can tell them apart there, and the first paid call will say so.
 * - AccuAuth: an OCR request without an image. 400 INVALID_ARGUMENT means the API ID and secret
 *   were accepted; 401/403 (UNAUTHORIZED, NO_PERMISSION, KEY_EXPIRED) means they were not.
 */
/** Delete face's one input (the vendor's person id), named by the catalog. */
const personIdInput = getOperation('faceDelete').inputs[0].name;

const PROBES: Record<VendorId, { operationId: string; inputs: () => Record<string, string>; accepted: string[] }> = {
	aisolution: {
		operationId: 'faceDelete',
		inputs: () => ({ [personIdInput]: `idverify-credential-test-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` }),
		accepted: ['PERSON_ID_NOT_EXIST', 'OK'],
	},
	accuauth: {
		operationId: 'idKtpAccuauth',
		inputs: () => ({}),
		accepted: ['INVALID_ARGUMENT'],
	},
};

const PROBE_TIMEOUT_MS = 15_000;

type Send = (request: TransportRequest) => Promise<TransportResponse>;

/** Runs the vendor's probe through `send` (which adds nothing: the credential's auth is added here). */
export async function probeCredential(
	vendor: VendorId,
	credential: ICredentialDataDecryptedObject,
	send: Send,
): Promise<INodeCredentialTestResult> {
	const probe = PROBES[vendor];
	const op = getOperation(probe.operationId);
	const name = VENDORS[vendor].name;
	const baseUrl = typeof credential.baseUrl === 'string' && credential.baseUrl.trim() ? credential.baseUrl.trim() : undefined;
	const secrets = (vendor === 'aisolution' ? [credential.token] : [credential.apiId, credential.apiSecret]).filter(
		(value): value is string => typeof value === 'string' && value.length > 0,
	);
	const request = buildRequest(op, probe.inputs(), endpointUrl(op, baseUrl ? { [vendor]: baseUrl } : {}), PROBE_TIMEOUT_MS);
	let response: TransportResponse;
	try {
		response = await send(withAuth(vendor, request, credential));
	} catch (error) {
		return { status: 'Error', message: redact(`No answer from ${name} at this base URL: ${(error as Error).message}`, secrets) };
	}
	const answer = interpret(op, response);
	if (answer.status !== null && probe.accepted.includes(answer.status)) return { status: 'OK', message: 'Connection successful!' };
	const said = answer.problem?.message ?? `${answer.status ?? `HTTP ${response.status}`}`;
	const what = vendor === 'aisolution' ? 'token' : 'API ID or secret';
	return { status: 'Error', message: redact(`${name} did not accept the ${what} of this credential: ${said}`, secrets) };
}

function withAuth(vendor: VendorId, request: TransportRequest, credential: ICredentialDataDecryptedObject): TransportRequest {
	if (vendor === 'aisolution') {
		const url = new URL(request.url);
		url.searchParams.set('token', String(credential.token ?? ''));
		return { ...request, url: url.toString() };
	}
	return {
		...request,
		headers: { ...request.headers, 'X-DF-API-ID': String(credential.apiId ?? ''), 'X-DF-API-SECRET': String(credential.apiSecret ?? '') },
	};
}

/** Sends a probe with the request helper n8n gives credential tests. */
function legacySend(context: ICredentialTestFunctions): Send {
	return async (request) => {
		const body =
			typeof request.body === 'string' ? request.body : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
		const response = (await context.helpers.request({
			method: request.method,
			uri: request.url,
			headers: request.headers,
			body,
			json: false,
			simple: false,
			resolveWithFullResponse: true,
			timeout: request.timeoutMs,
		})) as { statusCode: number; headers: Record<string, string | string[] | undefined>; body: unknown };
		const headers: Record<string, string | undefined> = {};
		for (const [key, value] of Object.entries(response.headers ?? {}))
			headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
		const text =
			typeof response.body === 'string'
				? response.body
				: Buffer.isBuffer(response.body)
					? response.body.toString('utf8')
					: JSON.stringify(response.body ?? '');
		return { status: response.statusCode, headers, body: text };
	};
}

/** The nodes' `methods.credentialTest`, named by `testedBy` on their credentials. */
export const credentialTest = {
	async aiSolutionApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await probeCredential('aisolution', credential.data ?? {}, legacySend(this));
	},
	async accuAuthApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await probeCredential('accuauth', credential.data ?? {}, legacySend(this));
	},
};

/** The `testedBy` name of each vendor's credential test. */
export const TESTED_BY: Record<VendorId, keyof typeof credentialTest> = { aisolution: 'aiSolutionApiTest', accuauth: 'accuAuthApiTest' };
