import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { exactBytes } from './bytes';

/**
 * Clear answers for the multipart limits the form-data parser enforces as the body streams in: a file over
 * the size limit and too many files are both "content too large" (413), each with its limit in bytes or files.
 * The parser's own words ("File size limit exceeded: 5242880 bytes") and its 400 for too many files are replaced.
 */
export function useMultipartLimits(limits: { maxUploadBytes: number; maxFiles: number }): Plugin {
	return {
		onRequestParse({ request, requestParser, setRequestParser }) {
			if (!requestParser || !/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return;
			const parse = requestParser;
			setRequestParser(async (req) => {
				try {
					return await parse(req);
				} catch (error) {
					throw clearer(error, limits);
				}
			});
		},
	};
}

function clearer(error: unknown, limits: { maxUploadBytes: number; maxFiles: number }): unknown {
	const message = error instanceof Error ? error.message : '';
	if (/File size limit exceeded/.test(message)) {
		return tooLarge(
			'FILE_TOO_LARGE',
			`An uploaded file is larger than ${exactBytes(limits.maxUploadBytes)}, the limit per file.`,
			limits.maxUploadBytes,
		);
	}
	if (/Files limit exceeded/.test(message)) {
		return tooLarge(
			'TOO_MANY_FILES',
			`This request has more than ${limits.maxFiles} files; the limit is ${limits.maxFiles} files per request.`,
			limits.maxFiles,
		);
	}
	return error;
}

const tooLarge = (code: string, message: string, limit: number) =>
	new GraphQLError(message, { extensions: { code, limit, http: { status: 413 } } });
