import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const deDrivingLicence = aiSolutionOcr({
	id: 'deDrivingLicence',
	path: 'de_dl_ocr/general',
	title: 'Germany driving licence',
	description: 'Reads the front of a German card driving licence (Führerschein)',
	document: { country: 'DE', documentType: 'DRIVING_LICENSE', label: 'Driving licence (Führerschein)', typeName: 'GermanDrivingLicence' },
	// The field table names CardNumber and Nationality; the sample answer has CardId and Address.
	fields: fields(
		['CardId', 'Licence number', 'card number (the sample answer names it CardId)'],
		['CardNumber', 'Card number', 'card number (as named in the field table)'],
		['Surname', 'Surname', 'surname'],
		['GivenNames', 'Given names', 'given names'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['PlaceOfBirth', 'Place of birth', 'place of birth'],
		['DateOfIssue', 'Date of issue', 'date of issue'],
		['DateOfExpiry', 'Date of expiry', 'date of expiry'],
		['Nationality', 'Nationality', 'nationality'],
		['Address', 'Issuing authority', 'address (the sample shows the issuing authority)'],
		['Class', 'Licence classes', 'drivers licence class'],
	),
	normalizer,
	sample: {
		CardId: 'B905 KODO168',
		Surname: 'Smith',
		GivenNames: 'John',
		DateOfBirth: '15.10.90',
		PlaceOfBirth: 'Berlin',
		DateOfIssue: '25.04.17',
		DateOfExpiry: '24.04.32',
		Address: 'Landratsamt',
		Class: 'AM/B/L',
	},
});
