import { FACE_JUDGMENTS, SERVER_ERROR } from '../../catalog/documentedAnswers';
import {
	AI_SOLUTION_IMAGE,
	AI_SOLUTION_INVALID_REQUEST,
	AI_SOLUTION_RETRY_LATER,
	defineOperation,
	fields,
	rule,
} from '../../catalog/shared';

export const idHolding = defineOperation({
	id: 'idHolding',
	vendor: 'aisolution',
	kind: 'idHolding',
	path: 'idholding',
	title: 'Hand-held ID check',
	description: 'Compares the face of a person holding their ID card with the photo on that card',
	inputs: [{ name: 'img', type: 'image', required: true, description: 'A selfie of the person holding the ID card' }],
	limits: AI_SOLUTION_IMAGE,
	fields: fields(['similarity', 'Similarity', 'similarity score, 0~100'], ['result', 'Judgment', 'judgment']),
	statuses: {
		OK: rule('success', true, false, 'charge, success, message.similarity contains the similarity score'),
		INVALID_REQUEST: AI_SOLUTION_INVALID_REQUEST,
		IMAGE_INVALID_SIZE: rule('rejectedInput', false, false, 'free, image size larger than 2M'),
		INVALID_FACE_NUM: rule('rejectedInput', false, false, 'free, not ID holding image'),
		RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, server error'),
	},
	verdicts: {
		of: (message) => String((message as { result?: unknown } | null)?.result ?? ''),
		values: {
			'SAME PERSON': { ...rule('success', true, false, 'the holder and the card photo are the same person'), label: 'Same person' },
			'NOT SAME PERSON': {
				...rule('negative', true, false, 'the holder and the card photo are not the same person'),
				label: 'Not same person',
			},
			// Not in this section's examples, but the face-comparison judgment table has it.
			'NOT SURE': { ...rule('negative', true, false, 'not sure'), label: 'Not sure' },
		},
	},
	documented: {
		statuses: {
			INVALID_REQUEST: 'error message',
			IMAGE_INVALID_SIZE: 'image larger than 2M',
			INVALID_FACE_NUM: '0 faces found',
			RETRY_LATER: SERVER_ERROR,
		},
		verdicts: FACE_JUDGMENTS,
	},
	dedupe: true,
	sample: { similarity: 97.501, result: 'SAME PERSON' },
});
