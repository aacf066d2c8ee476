import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import { useWhatsappCallbacks } from './modules/whatsapp/useWhatsappCallbacks';
import { useEndpoints } from './http/useEndpoints';
import { useMisplacedUploads } from './http/useMisplacedUploads';
import { useMultipartLimits } from './http/useMultipartLimits';
import { useRequestMetrics } from './http/useRequestMetrics';
import { useUnreadBodyDrain } from './http/useUnreadBodyDrain';
import { VENDOR_CALLS } from './resolvers';
import { useApiKeyAuth } from './security/useApiKeyAuth';
import { useNoSuggestions } from './security/useNoSuggestions';
import { useRequestBodyLimit } from './security/useRequestBodyLimit';
import { registeredOperations } from './security/persistedOperations';
import { useQuerySizeLimit } from './security/useQuerySizeLimit';
import { useStructuralLimits } from './security/structuralLimits';
import { useUploadBudget } from './security/useUploadBudget';
import { useVendorCallLimit } from './security/vendorCallLimit';
import type { Services } from './services';

/**
 * The server's policies, one per line, in the order a request meets them. CORS, masked errors, GraphiQL
 * and the multipart upload limits are Yoga options (see server.ts); budgets are taken in VendorCalls before each call.
 */
export function serverPlugins(services: Services, mode: string): Plugin[] {
	const { limits, introspection, persistedOperations, persistedOperationsFile } = services.config;
	const registered = registeredOperations(persistedOperations, persistedOperationsFile);
	return [
		useRequestMetrics(services), // requests and latency for /metrics, one log line each
		useEndpoints(services, mode), // /health and /metrics
		useWhatsappCallbacks(services), // the vendor's WhatsApp callbacks → whatsappResults subscribers
		useApiKeyAuth(services), // a known API key and its rate limit, before the body is read
		useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }), // multipart and simple requests need a non-simple header
		useUploadBudget(services, limits.maxUploadBytesInFlight), // bytes of requests carrying images in flight, before their bodies are read
		useRequestBodyLimit(limits.maxRequestBytes), // request body size (413), after Yoga's request parsers
		useMultipartLimits(limits), // a file too large or too many files: 413 with the limit (FILE_TOO_LARGE, TOO_MANY_FILES)
		useUnreadBodyDrain(limits.maxRequestBytes), // a body refused half-read is drained (or the connection closed), never reset
		...(registered ? [registered] : []), // only registered operations (or those too), when configured
		useQuerySizeLimit(limits), // query bytes before parsing, tokens while parsing (QUERY_TOO_LARGE, TOO_MANY_TOKENS)
		useStructuralLimits(limits), // depth and aliases, fragments expanded (TOO_DEEP, TOO_MANY_ALIASES)
		useVendorCallLimit(limits.maxVendorCalls, VENDOR_CALLS), // the cost: vendor calls a request can make (QUERY_TOO_COSTLY)
		useMisplacedUploads(), // a file mapped onto a variable that takes none: named, without the file's internals
		...(introspection ? [] : [useDisableIntrospection() as Plugin, useNoSuggestions()]), // schema hidden unless configured
	];
}
