import { GraphQLError, parse, type Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Big documents are refused before they cost anything: past `maxBytes` before the parser sees them
 * (QUERY_TOO_LARGE), past `maxTokens` as soon as the parser has read that many (TOO_MANY_TOKENS).
 * Parsing and validating a 4 MB document otherwise takes most of a second of CPU, during which the
 * server answers nothing else.
 */
export function useQuerySizeLimit(limits: { maxQueryBytes: number; maxTokens: number }): Plugin {
	return {
		onParse({ params, setParseFn }) {
			const text = typeof params.source === 'string' ? params.source : params.source.body;
			const bytes = Buffer.byteLength(text, 'utf8');
			if (bytes > limits.maxQueryBytes) {
				const refusal = sizeError(
					'QUERY_TOO_LARGE',
					`This query is ${bytes.toLocaleString('en-US')} bytes; the limit is ${limits.maxQueryBytes.toLocaleString('en-US')} bytes.`,
					limits.maxQueryBytes,
					bytes,
				);
				setParseFn(() => {
					throw refusal;
				});
				return;
			}
			setParseFn((source: string | Source, options) => {
				try {
					return parse(source, { ...options, maxTokens: limits.maxTokens });
				} catch (error) {
					// graphql-js reports it as a syntax error: "Document contains more that N tokens. Parsing aborted."
					if (error instanceof GraphQLError && /\d+ tokens\. Parsing aborted/.test(error.message)) {
						throw sizeError(
							'TOO_MANY_TOKENS',
							`This query has more than ${limits.maxTokens.toLocaleString('en-US')} tokens, the limit.`,
							limits.maxTokens,
						);
					}
					throw error;
				}
			});
		},
	};
}

const sizeError = (code: string, message: string, limit: number, value?: number) =>
	new GraphQLError(message, { extensions: { code, limit, ...(value === undefined ? {} : { value }), http: { status: 413 } } });
