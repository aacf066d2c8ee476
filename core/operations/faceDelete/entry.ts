import { SERVER_ERROR } from '../../catalog/documentedAnswers';
import { AI_SOLUTION_RETRY_LATER, defineOperation, rule } from '../../catalog/shared';

export const faceDelete = defineOperation({
	id: 'faceDelete',
	vendor: 'aisolution',
	kind: 'faceDelete',
	path: 'delface',
	title: 'Delete face',
	description: "Deletes a person from the account's face store",
	inputs: [{ name: 'person_id', type: 'string', required: true, description: 'The person id that add face returned' }],
	fields: [],
	statuses: {
		OK: rule('success', false, false, 'free, success delete face'),
		PERSON_ID_NOT_EXIST: rule('negative', false, false, 'free, input person id not exist'),
		RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, server error'),
	},
	labels: { success: 'Deleted', negative: 'Person not found' },
	documented: { statuses: { OK: null, PERSON_ID_NOT_EXIST: null, RETRY_LATER: SERVER_ERROR }, verdicts: {} },
	dedupe: false,
	sample: null,
});
