import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const noIdCard = aiSolutionOcr({
	id: 'noIdCard',
	path: 'no_ocr/general',
	title: 'Norway ID card',
	description: 'Reads a Norwegian national ID card',
	document: { country: 'NO', documentType: 'ID_CARD', label: 'ID card (nasjonalt ID-kort)', typeName: 'NorwegianIdCard' },
	fields: fields(
		['Surname', 'Surname', 'surname'],
		['GivenNames', 'Given names', 'given names'],
		['Sex', 'Sex', 'gender'],
		['Nationality', 'Nationality', 'nationality'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['Height', 'Height', 'height'],
		['DocumentNo', 'Document number', 'document no'],
		['CanNo', 'CAN number', 'can no'],
		['DateOfExpiry', 'Date of expiry', 'date of expiry'],
	),
	normalizer,
	sample: {
		Surname: 'STENBYEN',
		GivenNames: 'SAMUND SPECIMEN',
		Sex: 'M',
		Nationality: 'Norsk/Norwegian',
		DateOfBirth: '23 APR/APR 56',
		Height: '179CM',
		DocumentNo: 'GDC000001',
		CanNo: '164745',
		DateOfExpiry: '11 JUN/JUN 26',
	},
});
