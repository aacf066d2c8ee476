/** Keeps secrets out of anything that leaves the core: error messages, problems, logs. */

const PATTERNS: [RegExp, string][] = [
	[/([?&]token=)[^&\s"'#]*/gi, '$1***'],
	[/(x-df-api-(?:id|secret)["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, '$1***'],
	[/(authorization["']?\s*[:=]\s*["']?)[^"',;}]+/gi, '$1***'],
];

export function redact(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		// Short values would blank out ordinary words; credentials are never that short.
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
	return out;
}
