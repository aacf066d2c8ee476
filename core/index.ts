/** The idverify core: knows the vendors, nothing of n8n or GraphQL. */
export * from './catalog';
export * from './defaults';
export * from './outcome';
export * from './normalize/types';
export * from './normalize';
export * as validate from './validate';
export * from './client';
export * from './results';
export * as phone from './phone';
export {
	normalizePhoneNumber,
	PHONE_COUNTRIES,
	phoneCountryOptions,
	FROM_THE_NUMBER,
	type PhoneNumberResult,
	type PhoneCountry,
} from './phone';
