import type { DocumentedAnswers, Operation } from './types';

export type { DocumentedAnswers };

/**
 * The docs' example bodies that several entries share. Each entry names its own in `documented`; the
 * emulator answers with them.
 */

export const SERVER_ERROR = 'Service is not available right now, please try again later';

/** What every AI Solution OCR section prints. */
export const AI_SOLUTION_OCR_ANSWERS: DocumentedAnswers = {
	statuses: {
		FAIL: 'check input image and retry',
		IMAGE_RECOGNIZE_ERROR: 'no id or name found',
		INVALID_REQUEST: 'check request params',
		IMAGE_INVALID_FORMAT: 'image format not support',
		IMAGE_INVALID_SIZE: 'image larger than 2M',
		RETRY_LATER: SERVER_ERROR,
	},
	verdicts: {},
};

/** The Indonesia (ocr_id) and Thai driving-licence sections word IMAGE_RECOGNIZE_ERROR differently. */
export const AI_SOLUTION_OCR_NUMBER_OR_NAME: DocumentedAnswers = {
	statuses: { ...AI_SOLUTION_OCR_ANSWERS.statuses, IMAGE_RECOGNIZE_ERROR: 'no number or name found' },
	verdicts: {},
};

export const ACCUAUTH_ANSWERS: DocumentedAnswers = {
	statuses: { INVALID_ARGUMENT: "must specify 'file' or 'image_base64' argument" },
	verdicts: {},
};

/** The judgment examples of the face comparison section (the hand-held ID section uses the same table). */
export const FACE_JUDGMENTS: Record<string, unknown> = {
	'SAME PERSON': { similarity: 97.501, result: 'SAME PERSON' },
	'NOT SAME PERSON': { similarity: 27.501, result: 'NOT SAME PERSON' },
	'NOT SURE': { similarity: 50.501, result: 'NOT SURE' },
};

/** The entry's documented answers (kept as a function for the emulator and its tests). */
export const documentedAnswers = (op: Operation): DocumentedAnswers => op.documented;
