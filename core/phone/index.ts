/** Phone numbers as people type them, made E.164 and checked locally (WhatsApp check). */
export { compact, format, isValid, name, normalizePhoneNumber, validate } from './phoneNumber';
export type { PhoneNumberResult, PhoneProblemCode } from './phoneNumber';
export { FROM_THE_NUMBER, PHONE_COUNTRIES, phoneCountry, phoneCountryOptions } from './countries';
export type { PhoneCountry } from './countries';
