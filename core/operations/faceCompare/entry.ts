import { FACE_JUDGMENTS, SERVER_ERROR } from '../../catalog/documentedAnswers';
import {
	AI_SOLUTION_IMAGE,
	AI_SOLUTION_INVALID_REQUEST,
	AI_SOLUTION_RETRY_LATER,
	defineOperation,
	fields,
	rule,
} from '../../catalog/shared';

const judgment = (message: unknown) => String((message as { result?: unknown } | null)?.result ?? '');

export const faceCompare = defineOperation({
	id: 'faceCompare',
	vendor: 'aisolution',
	kind: 'faceCompare',
	path: 'facecompare',
	title: 'Face comparison',
	description: "Compares two faces: a similarity score (0–100) and the vendor's judgment",
	inputs: [
		{ name: 'img1', type: 'image', required: true, description: 'First image' },
		{ name: 'img2', type: 'image', required: true, description: 'Second image' },
	],
	limits: AI_SOLUTION_IMAGE,
	fields: fields(['similarity', 'Similarity', 'similarity score, 0~100'], ['result', 'Judgment', 'judgment']),
	statuses: {
		OK: rule('success', true, false, 'charge, success, message.similarity contains the similarity score'),
		INVALID_REQUEST: AI_SOLUTION_INVALID_REQUEST,
		IMAGE_INVALID_SIZE: rule('rejectedInput', false, false, 'free, image size larger than 2M'),
		RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, see message for details'),
	},
	messageOverrides: {
		RETRY_LATER: {
			IMAGEB_FACE_DETECT_FAILED: rule('rejectedInput', false, false, 'can not detect faces on the images'),
		},
	},
	verdicts: {
		of: judgment,
		values: {
			'SAME PERSON': { ...rule('success', true, false, 'the two images are belong to the same person'), label: 'Same person' },
			'NOT SAME PERSON': { ...rule('negative', true, false, 'the two images are not belong to the same person'), label: 'Not same person' },
			'NOT SURE': { ...rule('negative', true, false, 'not sure'), label: 'Not sure' },
		},
	},
	documented: {
		// The docs' "can not detect face" example is RETRY_LATER with IMAGEB_FACE_DETECT_FAILED (a message override);
		// a plain RETRY_LATER gets the server-error wording every other section uses.
		statuses: { INVALID_REQUEST: 'error message', IMAGE_INVALID_SIZE: 'image larger than 2M', RETRY_LATER: SERVER_ERROR },
		verdicts: FACE_JUDGMENTS,
	},
	dedupe: true,
	sample: { similarity: 97.501, result: 'SAME PERSON' },
});
