import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const inAadhaarBack = aiSolutionOcr({
	id: 'inAadhaarBack',
	path: 'in_ocr_back/general',
	title: 'India Aadhaar, back',
	description: 'Reads the back of an Aadhaar card (address side)',
	document: { country: 'IN', documentType: 'ID_CARD', label: 'Aadhaar (back)', typeName: 'IndianAadhaarBack', side: 'back' },
	fields: fields(
		['City', 'City', 'city name'],
		['Province', 'Province', 'province name'],
		['PostCode', 'Post code', 'post code'],
		['Address', 'Address', 'detail address info'],
		['CardNumber', 'Aadhaar number', 'card number'],
		['VID', 'Virtual ID', 'vid number'],
	),
	normalizer,
	sample: {
		City: 'Sitapur',
		Province: 'Uttar Pradesh',
		PostCode: '261131',
		Address: 'S/O: Jameel Khan, tikariya, Tikariya, Sitapur, Uttar Pradesh - 261131',
		CardNumber: '387133213107',
		VID: '9106098539989335',
	},
});
