import { SERVER_ERROR } from '../../catalog/documentedAnswers';
import { AI_SOLUTION_IMAGE, AI_SOLUTION_RETRY_LATER, defineOperation, fields, rule } from '../../catalog/shared';

export const faceAdd = defineOperation({
	id: 'faceAdd',
	vendor: 'aisolution',
	kind: 'faceAdd',
	path: 'addface',
	title: 'Add face',
	description: "Adds a face to the account's face store and returns its person id",
	inputs: [{ name: 'img', type: 'image', required: true, description: 'The face image' }],
	limits: AI_SOLUTION_IMAGE,
	fields: fields(
		['group_id', 'Group id', "this is the add user group, actually it's your access key"],
		['person_id', 'Person id', 'this is the unique personal id which you have added the personal face'],
		['person_count', 'Person count', 'the face count that you have added the same face'],
	),
	statuses: {
		OK: rule('success', false, false, 'free, successfully add face image, add face is free'),
		FACE_DETECT_FAILED: rule('rejectedInput', false, false, 'free, detect face failed'),
		FAIL: rule('failed', false, true, 'free, service inner error'),
		RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, server error'),
	},
	// A side effect: adding the same face twice is the caller's choice, never merged away.
	labels: { success: 'Added' },
	documented: {
		statuses: {
			FACE_DETECT_FAILED: { group_id: 'LxiKPLIMGFpXzXas', person_id: 'c5r7jedkujdbnasarhn0', person_count: 0 },
			RETRY_LATER: SERVER_ERROR,
		},
		verdicts: {},
	},
	dedupe: false,
	// Its docs say group_id is the account's access key: it never leaves the core.
	withheld: ['group_id'],
	sample: { group_id: 'LxiKPLIMGFpXzXas', person_id: 'c5r7jedkujdbnasarhn0', person_count: 3 },
});
