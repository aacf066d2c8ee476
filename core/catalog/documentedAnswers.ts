import type { Operation } from './types';

/**
 * The docs' example bodies for each status: AI Solution's `message`, AccuAuth's `reason`; and for a
 * verdict of an OK answer, the example `message` the docs print for it. The emulator answers with these.
 * Where the docs print no example, there is no entry (the emulator then uses the status description).
 */
export interface DocumentedAnswers {
	statuses: Record<string, unknown>;
	verdicts: Record<string, unknown>;
}

const SERVER_ERROR = 'Service is not available right now, please try again later';

const AI_SOLUTION_OCR: Record<string, unknown> = {
	FAIL: 'check input image and retry',
	IMAGE_RECOGNIZE_ERROR: 'no id or name found',
	INVALID_REQUEST: 'check request params',
	IMAGE_INVALID_FORMAT: 'image format not support',
	IMAGE_INVALID_SIZE: 'image larger than 2M',
	RETRY_LATER: SERVER_ERROR,
};

/** The Indonesia (ocr_id) and Thai driving-licence sections word IMAGE_RECOGNIZE_ERROR differently. */
const NUMBER_OR_NAME = { ...AI_SOLUTION_OCR, IMAGE_RECOGNIZE_ERROR: 'no number or name found' };
const WORDED_NUMBER_OR_NAME = new Set(['idKtp', 'thDrivingLicence']);

const JUDGMENTS = {
	'SAME PERSON': { similarity: 97.501, result: 'SAME PERSON' },
	'NOT SAME PERSON': { similarity: 27.501, result: 'NOT SAME PERSON' },
	'NOT SURE': { similarity: 50.501, result: 'NOT SURE' },
};

export function documentedAnswers(op: Operation): DocumentedAnswers {
	if (op.vendor === 'accuauth') {
		return { statuses: { INVALID_ARGUMENT: "must specify 'file' or 'image_base64' argument" }, verdicts: {} };
	}
	switch (op.kind) {
		case 'ocr':
			return { statuses: WORDED_NUMBER_OR_NAME.has(op.id) ? NUMBER_OR_NAME : AI_SOLUTION_OCR, verdicts: {} };
		case 'faceCompare':
			return {
				// The docs' "can not detect face" example is RETRY_LATER with IMAGEB_FACE_DETECT_FAILED (a message override);
				// a plain RETRY_LATER gets the server-error wording every other section uses.
				statuses: { INVALID_REQUEST: 'error message', IMAGE_INVALID_SIZE: 'image larger than 2M', RETRY_LATER: SERVER_ERROR },
				verdicts: JUDGMENTS,
			};
		case 'idHolding':
			return {
				statuses: { INVALID_REQUEST: 'error message', IMAGE_INVALID_SIZE: 'image larger than 2M', INVALID_FACE_NUM: '0 faces found', RETRY_LATER: SERVER_ERROR },
				verdicts: JUDGMENTS,
			};
		case 'faceAdd':
			return {
				statuses: {
					FACE_DETECT_FAILED: { group_id: 'LxiKPLIMGFpXzXas', person_id: 'c5r7jedkujdbnasarhn0', person_count: 0 },
					RETRY_LATER: SERVER_ERROR,
				},
				verdicts: {},
			};
		case 'faceSearch':
			return { statuses: { FACE_DETECT_FAILED: [], RETRY_LATER: SERVER_ERROR }, verdicts: { none: [] } };
		case 'faceDelete':
			return { statuses: { OK: null, PERSON_ID_NOT_EXIST: null, RETRY_LATER: SERVER_ERROR }, verdicts: {} };
		case 'whatsapp':
			return {
				statuses: { RETRY_LATER: SERVER_ERROR },
				verdicts: {
					no: { number: '+6284921089722', whatsapp: 'no' },
					checking: { number: '+6284921089722', whatsapp: 'checking' },
				},
			};
	}
}
