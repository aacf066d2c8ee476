import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const seIdCard = aiSolutionOcr({
	id: 'seIdCard',
	path: 'se_ocr/general',
	title: 'Sweden ID card',
	description: 'Reads a Swedish national ID card',
	document: { country: 'SE', documentType: 'ID_CARD', label: 'ID card (nationellt id-kort)', typeName: 'SwedishIdCard' },
	fields: fields(
		['Surname', 'Surname', 'surname'],
		['GivenNames', 'Given names', 'given names'],
		['Sex', 'Sex', 'gender'],
		['Nationality', 'Nationality', 'nationality'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['PersonalId', 'Personal identity number', 'persional id'],
		['Height', 'Height', 'height'],
		['CardNo', 'Card number', 'card number'],
		['DateOfIssue', 'Date of issue', 'date of issue'],
		['DateOfExpiry', 'Date of expiry', 'date of expiry'],
		['Authority', 'Issuing authority', 'issuing agency'],
	),
	normalizer,
	sample: {
		Surname: 'SPECIMEN',
		GivenNames: 'SVEA',
		Sex: 'K/F',
		Nationality: 'SVENSK/SWE',
		DateOfBirth: '21 AUG/AUG 82',
		PersonalId: '820821-2384',
		Height: '170CM',
		CardNo: '59000002',
		DateOfIssue: '09 JUL/JUL 21',
		DateOfExpiry: '09 JUL/JUL 26',
		Authority: 'POLISMYNDIGHETEN',
	},
});
