/** A refusal in the GraphQL-over-HTTP error shape, for answers given before any GraphQL runs. */
export function errorResponse(
	ResponseCtor: typeof Response,
	status: number,
	code: string,
	message: string,
	headers: Record<string, string> = {},
): Response {
	return new ResponseCtor(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
	});
}
