import { SERVER_ERROR } from '../../catalog/documentedAnswers';
import { AI_SOLUTION_RETRY_LATER, defineOperation, fields, rule } from '../../catalog/shared';

export const whatsappCheck = defineOperation({
	id: 'whatsappCheck',
	vendor: 'aisolution',
	kind: 'whatsapp',
	path: 'gliswadetail',
	title: 'WhatsApp check',
	description: 'Whether a phone number has WhatsApp, with status update time, signature, business flag and avatar',
	inputs: [
		{ name: 'number', type: 'phone', required: true, description: 'phone number' },
		{
			name: 'country',
			type: 'string',
			required: false,
			description: 'Country abbreviation, Among them Philippines: PH, Vietnam: VN, India: IN',
		},
		{ name: 'callback', type: 'string', required: false, description: 'callback url: the result is sent there with GET once known' },
		{
			name: 'servstatus',
			type: 'string',
			required: false,
			allowed: ['y'],
			description: 'When the value is y, it will return unavailable once the service is unavailable',
		},
	],
	fields: fields(
		['number', 'Number', 'phone number'],
		['whatsapp', 'WhatsApp', 'conclusion'],
		['status_update', 'Status updated', 'status update'],
		['signature', 'Signature', 'signature'],
		['business_user', 'Business account', 'business user'],
		['avatar', 'Has avatar', 'avatar'],
	),
	statuses: {
		OK: rule('success', true, false, 'the whatsapp value is checking, unavailable for free else charge, message contains the result'),
		FAIL: rule('rejectedInput', false, false, 'free, invalid query'),
		INVALID_INPUT: rule('rejectedInput', false, false, 'free, invalid input'),
		RETRY_LATER: AI_SOLUTION_RETRY_LATER('free, server error, please try again later'),
	},
	verdicts: {
		of: (message) => String((message as { whatsapp?: unknown } | null)?.whatsapp ?? ''),
		values: {
			yes: { ...rule('success', true, false, 'the number has WhatsApp'), label: 'Registered' },
			no: { ...rule('negative', true, false, 'the number has no WhatsApp'), label: 'Not registered' },
			// Not final: ask again later (free) or wait for the callback.
			checking: { ...rule('negative', false, false, 'the vendor is still checking'), pending: true, label: 'Checking' },
			unavailable: { ...rule('failed', false, true, 'the service is unavailable (servstatus=y)'), label: 'Unavailable' },
		},
	},
	documented: {
		statuses: { RETRY_LATER: SERVER_ERROR },
		verdicts: {
			no: { number: '+6284921089722', whatsapp: 'no' },
			checking: { number: '+6284921089722', whatsapp: 'checking' },
		},
	},
	dedupe: true,
	sample: {
		number: '+6284921089722',
		whatsapp: 'yes',
		status_update: '20180825',
		signature: 'Saya suka global',
		business_user: 'no',
		avatar: 'yes',
	},
});
