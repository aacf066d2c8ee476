import type { Operation } from '../types';
import { AI_SOLUTION_IMAGE, AI_SOLUTION_INVALID_REQUEST, AI_SOLUTION_RETRY_LATER, fields, rule } from '../shared';

const judgment = (message: unknown) => String((message as { result?: unknown } | null)?.result ?? '');

export const faceCompare: Operation = {
	id: 'faceCompare',
	vendor: 'aisolution',
	kind: 'faceCompare',
	path: 'facecompare',
	title: 'Face comparison',
	description: 'Compares two faces: a similarity score (0–100) and the vendor\'s judgment',
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
	dedupe: true,
	sample: { similarity: 97.501, result: 'SAME PERSON' },
};
