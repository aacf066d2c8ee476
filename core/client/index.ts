export { createClient, type Client, type Scope, type CallInput, type ResultHook } from './client';
export { fetchTransport, secretValues } from './fetchTransport';
export { checkImage, imageBytes, type ImageValue } from './precheck';
export { sniffFormat, imageDimensions, type Dimensions } from './image';
export { redact } from './redact';
export { endpointUrl } from './request';
export * from './transport';
export * from './options';
