import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const deIdCard = aiSolutionOcr({
	id: 'deIdCard',
	path: 'de_ocr/general',
	title: 'Germany ID card',
	description: 'Reads the front of a German Personalausweis',
	document: { country: 'DE', documentType: 'ID_CARD', label: 'ID card (Personalausweis)', typeName: 'GermanIdCard' },
	fields: fields(
		['CardNumber', 'Card number', 'card number'],
		['Surname', 'Surname', 'surname'],
		['GivenNames', 'Given names', 'given names'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['PlaceOfBirth', 'Place of birth', 'place of birth'],
		['DateOfExpiry', 'Date of expiry', 'date of expiry'],
		['Nationality', 'Nationality', 'nationality'],
	),
	normalizer,
	sample: {
		CardNumber: 'LO1X00T47',
		Surname: 'MUSTERMANN',
		GivenNames: 'ERIKA',
		DateOfBirth: '01.08.2031',
		PlaceOfBirth: 'BERLIN',
		DateOfExpiry: '01.08.2031',
		Nationality: 'DEUTSCH',
	},
});
