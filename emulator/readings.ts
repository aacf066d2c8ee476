import { DEFAULT_READINGS, DROP_STYLES, RATE_LIMIT_ANSWERS, RETRY_AFTER_READINGS, WRONG_TOKEN_READINGS, type Readings } from './types';

const CHOICES: { [K in keyof Readings]: readonly Readings[K][] } = {
	wrongToken: WRONG_TOKEN_READINGS,
	rateLimitAnswer: RATE_LIMIT_ANSWERS,
	retryAfter: RETRY_AFTER_READINGS,
	dropStyle: DROP_STYLES,
};

/** Checks readings (they may come from the control API as JSON) and fills in the defaults; throws with what is wrong. */
export function validateReadings(input: unknown): Readings {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Error('readings must be a JSON object');
	const given = input as Record<string, unknown>;
	const known = Object.keys(CHOICES);
	for (const key of Object.keys(given)) if (!known.includes(key)) throw new Error(`unknown reading "${key}" (known: ${known.join(', ')})`);
	const readings: Readings = { ...DEFAULT_READINGS };
	for (const key of known as (keyof Readings)[]) {
		const value = given[key];
		if (value === undefined) continue;
		const choices = CHOICES[key] as readonly unknown[];
		if (!choices.includes(value)) throw new Error(`${key} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
		(readings as unknown as Record<string, unknown>)[key] = value;
	}
	return readings;
}
