/**
 * One JSON object per line. Callers pass only fields that are safe to keep: operation ids, outcomes,
 * statuses, durations, key names. Never an image, a token, a key, a number or a name read from a document.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
	debug(message: string, fields?: Record<string, unknown>): void;
	info(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
	const at =
		(lvl: LogLevel) =>
		(message: string, fields: Record<string, unknown> = {}) => {
			if (ORDER[lvl] < ORDER[level]) return;
			write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...fields })}\n`);
		};
	return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Yoga's own messages go through ours; an unexpected error is logged by name and message, not by its data. */
export function yogaLogger(log: Logger) {
	const flatten = (args: unknown[]) => {
		const [first, ...rest] = args;
		const text = first instanceof Error ? `${first.name}: ${first.message}` : String(first);
		const errors = rest.filter((a): a is Error => a instanceof Error).map((e) => `${e.name}: ${e.message}`);
		return { text, fields: errors.length ? { errors } : {} };
	};
	return {
		debug: (...args: unknown[]) => {
			const { text, fields } = flatten(args);
			log.debug(text, fields);
		},
		info: (...args: unknown[]) => {
			const { text, fields } = flatten(args);
			log.info(text, fields);
		},
		warn: (...args: unknown[]) => {
			const { text, fields } = flatten(args);
			log.warn(text, fields);
		},
		error: (...args: unknown[]) => {
			const { text, fields } = flatten(args);
			log.error(text, fields);
		},
	};
}
