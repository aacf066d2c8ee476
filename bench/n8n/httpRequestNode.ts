import type { RemoteEmulator } from '../emulatorProcess';
import type { BenchNode } from './workflow';
import { HTTP_REQUEST_TYPE } from './nodeTypes';

/** The HTTP Request node version a new node gets in n8n 2.41 (its defaultVersion). */
const VERSION = 4.5;

const keyValues = (pairs: Record<string, string>) => ({ parameters: Object.entries(pairs).map(([name, value]) => ({ name, value })) });

/**
 * n8n's HTTP Request node set up the way a builder calls AI Solution by hand: POST, the token as the
 * `token` query parameter, a form-urlencoded body whose `img` field is the item's base64 image
 * (`{{ $json.img }}`). Options at their defaults unless `neverError`.
 */
export function aiSolutionOcrRequest(emulator: RemoteEmulator, path: string, options: { neverError?: boolean } = {}): BenchNode {
	return {
		type: HTTP_REQUEST_TYPE,
		typeVersion: VERSION,
		parameters: {
			method: 'POST',
			url: `${emulator.baseUrls.aisolution}/${path}`,
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: keyValues({ token: emulator.credentials.token }),
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'keypair',
			bodyParameters: keyValues({ img: '={{ $json.img }}' }),
			options: options.neverError ? { response: { response: { neverError: true } } } : {},
		},
	};
}

/**
 * The same for AccuAuth: POST multipart/form-data with the item's binary `data` as the `file` part, and the
 * two X-DF-API headers. "Never Error" (Options → Response) makes it hand every answer on, 4xx included,
 * instead of stopping the run at the first one.
 */
export function accuAuthOcrRequest(emulator: RemoteEmulator, country: string, options: { neverError?: boolean } = {}): BenchNode {
	return {
		type: HTTP_REQUEST_TYPE,
		typeVersion: VERSION,
		parameters: {
			method: 'POST',
			url: `${emulator.baseUrls.accuauth.replace('{country}', country)}/ocr/idcard`,
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: keyValues({ 'X-DF-API-ID': emulator.credentials.apiId, 'X-DF-API-SECRET': emulator.credentials.apiSecret }),
			sendBody: true,
			contentType: 'multipart-form-data',
			bodyParameters: { parameters: [{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' }] },
			options: options.neverError ? { response: { response: { neverError: true } } } : {},
		},
	};
}
