import type { OperationNormalizer } from '../normalize/normalizer';
import { ACCUAUTH_ANSWERS, AI_SOLUTION_OCR_ANSWERS } from './documentedAnswers';
import type { DocumentedAnswers, ImageLimits, InputSpec, Operation, OutputField, StatusRule } from './types';

/** Shared facts of the vendors' docs, used by several entries. */

const MB = 1024 * 1024;

export const AI_SOLUTION_IMAGE: ImageLimits = {
	maxBytes: 2 * MB,
	formats: ['jpeg', 'png', 'bmp'],
	recommendedBytes: 200 * 1024,
};

export const ACCUAUTH_IMAGE: ImageLimits = {
	maxBytes: 5 * MB,
	formats: ['jpeg', 'png', 'pdf'],
	minPixels: 128,
	maxPixels: 6000,
};

export const IMG_INPUT: InputSpec = {
	name: 'img',
	type: 'image',
	required: true,
	description: 'The image, sent base64-encoded',
};

export const ACCUAUTH_IMAGE_INPUT: InputSpec = {
	name: 'image',
	type: 'image',
	required: true,
	description: 'The image, sent as the multipart `file` part',
};

export const rule = (
	outcome: StatusRule['outcome'],
	charged: boolean,
	retryable: boolean,
	description: string,
	httpStatus?: number,
): StatusRule =>
	httpStatus === undefined ? { outcome, charged, retryable, description } : { outcome, charged, retryable, description, httpStatus };

/**
 * AI Solution's INVALID_REQUEST. Our local checks already refuse every input the docs call invalid, so a request
 * that reaches the vendor and still gets this most likely carries a wrong token (the docs don't say how a wrong
 * token is answered; this is one plausible reading). It goes to the operator, never to the applicant.
 */
export const AI_SOLUTION_INVALID_REQUEST: StatusRule = {
	...rule('failed', false, false, 'free, invalid request parameters'),
	failure: 'credentialsOrRequest',
};

/**
 * AI Solution's RETRY_LATER: free and not processed. It is the docs' only word for a server error, and so also the
 * only one the vendor has for "slow down": a rate limit while other calls are accepted, an outage when none are.
 */
export const AI_SOLUTION_RETRY_LATER = (description: string): StatusRule => ({
	...rule('failed', false, true, description),
	rateLimit: 'ambiguous',
});

/** The status table every AI Solution OCR section prints. */
export const AI_SOLUTION_OCR_STATUSES: Record<string, StatusRule> = {
	OK: rule('success', true, false, 'charge, success'),
	FAIL: rule('negative', false, false, 'free, image recognition error, please check input image'),
	IMAGE_RECOGNIZE_ERROR: rule('negative', false, false, 'free, image recognition error'),
	INVALID_REQUEST: AI_SOLUTION_INVALID_REQUEST,
	IMAGE_INVALID_FORMAT: rule('rejectedInput', false, false, 'free, invalid image format, image format should be one of jpeg/jpg/png/bmp'),
	IMAGE_INVALID_SIZE: rule('rejectedInput', false, false, 'free, invalid image size, should be less than 2M'),
	RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, server error'),
};

/**
 * AccuAuth's error table (same for every country). The docs say nothing about billing;
 * we read an OK answer as billed and every error as free.
 */
export const ACCUAUTH_STATUSES: Record<string, StatusRule> = {
	OK: rule('success', true, false, 'request succeeded', 200),
	INVALID_ARGUMENT: rule('rejectedInput', false, false, 'Request parameter is invalid', 400),
	DETECTION_FAILED: rule('negative', false, false, 'Detect image failed', 400),
	UNAUTHORIZED: { ...rule('failed', false, false, 'Unauthorized or access is denied', 401), failure: 'auth' },
	KEY_EXPIRED: { ...rule('failed', false, false, 'Your API ID has expired', 401), failure: 'auth' },
	NO_PERMISSION: { ...rule('failed', false, false, 'You are not authorized to use this API', 403), failure: 'auth' },
	OUT_OF_QUOTA: { ...rule('failed', false, false, 'API calls quota exceeded', 403), failure: 'quota' },
	RATE_LIMIT_EXCEEDED: { ...rule('failed', false, true, 'API request frequency exceeds the limit', 403), rateLimit: true },
	NOT_FOUND: rule('failed', false, false, 'Requested API cannot be found', 404),
	INTERNAL_ERROR: rule('failed', false, true, 'Internal server error', 500),
};

/** An OK AccuAuth answer with no card in `results` read nothing. */
export const ACCUAUTH_VERDICTS = {
	of: (message: unknown) => (Array.isArray(message) && message.length > 0 ? 'recognized' : 'empty'),
	values: {
		recognized: { ...rule('success', true, false, 'a card was read'), label: 'Recognized' },
		empty: { ...rule('negative', true, false, 'OK, but no card in results'), label: 'Not recognized' },
	},
};

/** Output fields from [key, label, description] triples; the keys keep their literal types (see FieldKey). */
export function fields<const K extends string>(...triples: [K, string, string][]): OutputField<K>[] {
	return triples.map(([key, label, description]) => ({ key, label, description }));
}

/** An entry written out in full: checked against Operation, with its field keys kept. */
export const defineOperation = <K extends string>(entry: Operation<K>): Operation<K> => entry;

/** What an OCR entry says itself; the vendor's helper adds the rest. */
type OcrEntry<K extends string> = Pick<Operation<K>, 'id' | 'title' | 'description' | 'document' | 'fields' | 'sample'> & {
	normalizer: OperationNormalizer;
	/** Where the section words an answer differently from the vendor's other OCR sections. */
	documented?: DocumentedAnswers;
};

const OCR_LABELS = { success: 'Recognized', negative: 'Not recognized' };

/** The parts every AI Solution OCR entry has in common; the entry adds what is its own. */
export function aiSolutionOcr<K extends string>(entry: OcrEntry<K> & Pick<Operation<K>, 'path'>): Operation<K> {
	return {
		documented: AI_SOLUTION_OCR_ANSWERS,
		...entry,
		vendor: 'aisolution',
		kind: 'ocr',
		inputs: [IMG_INPUT],
		limits: AI_SOLUTION_IMAGE,
		statuses: AI_SOLUTION_OCR_STATUSES,
		labels: OCR_LABELS,
		dedupe: true,
	};
}

/** The parts both AccuAuth entries have in common. */
export function accuAuthOcr<K extends string>(
	entry: OcrEntry<K> & Pick<Operation<K>, 'vendorCountry'> & { extraInputs?: InputSpec[] },
): Operation<K> {
	const { extraInputs = [], ...rest } = entry;
	return {
		documented: ACCUAUTH_ANSWERS,
		...rest,
		vendor: 'accuauth',
		kind: 'ocr',
		path: 'ocr/idcard',
		inputs: [ACCUAUTH_IMAGE_INPUT, ...extraInputs],
		limits: ACCUAUTH_IMAGE,
		statuses: ACCUAUTH_STATUSES,
		verdicts: ACCUAUTH_VERDICTS,
		labels: OCR_LABELS,
		dedupe: true,
	};
}
