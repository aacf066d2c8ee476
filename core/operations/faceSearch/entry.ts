import { SERVER_ERROR } from '../../catalog/documentedAnswers';
import { AI_SOLUTION_IMAGE, AI_SOLUTION_RETRY_LATER, defineOperation, fields, rule } from '../../catalog/shared';

export const faceSearch = defineOperation({
	id: 'faceSearch',
	vendor: 'aisolution',
	kind: 'faceSearch',
	path: 'searchface',
	title: 'Search face',
	description: "Searches the account's face store for the same face",
	inputs: [{ name: 'img', type: 'image', required: true, description: 'The face image to search for' }],
	limits: AI_SOLUTION_IMAGE,
	fields: fields(
		['confidence', 'Confidence', 'this is the confidence level of the searched face and the recognized face id'],
		['person_id', 'Person id', 'this is the personal id which you have added'],
	),
	statuses: {
		OK: rule('success', true, false, 'charge, success search the face image'),
		FAIL: rule('rejectedInput', false, false, 'free, not pass living recognition'),
		RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, server error'),
		FACE_DETECT_FAILED: rule('rejectedInput', false, false, 'free, not found face in this image'),
	},
	verdicts: {
		of: (message) => (Array.isArray(message) && message.length > 0 ? 'found' : 'none'),
		values: {
			found: { ...rule('success', true, false, 'one or more stored faces match'), label: 'Match found' },
			none: { ...rule('negative', true, false, 'no stored face matches'), label: 'No match' },
		},
	},
	documented: { statuses: { FACE_DETECT_FAILED: [], RETRY_LATER: SERVER_ERROR }, verdicts: { none: [] } },
	dedupe: true,
	sample: [{ confidence: 100, person_id: 'c5r7jedkujdbnasarhn0' }],
});
