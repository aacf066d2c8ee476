export {
	createClient,
	DEFAULT_RATE_LIMIT_WAIT_MS,
	DEFAULT_RETRY,
	DEFAULT_TIMEOUT_MS,
	type Client,
	type Scope,
	type CallInput,
} from './client';
export { fetchTransport, secretValues } from './fetchTransport';
export { checkImage, prepareImage, type ImageValue } from './precheck';
export type { PreparedImage } from './preparedImage';
export { sniffFormat, imageDimensions, type Dimensions } from './image';
export { redact } from './redact';
export { rejectedInput } from './response';
export { callUntilFinal, type PollOptions } from './poll';
export { RateGovernor, Semaphore, type Sleep } from './limiter';
export { endpointUrl } from './request';
export * from './transport';
export * from './options';
