import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const nlIdCard = aiSolutionOcr({
	id: 'nlIdCard',
	path: 'nl_ocr/general',
	title: 'Netherlands ID card',
	description: 'Reads a Dutch identiteitskaart',
	document: { country: 'NL', documentType: 'ID_CARD', label: 'ID card (identiteitskaart)', typeName: 'DutchIdCard' },
	fields: fields(
		['DocumentNo', 'Document number', 'document no'],
		['Surname', 'Surname', 'surname'],
		['GivenNames', 'Given names', 'given names'],
		['Gender', 'Gender', 'gender'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['DateOfIssue', 'Date of issue', 'date of issue'],
		['DateOfExpiry', 'Date of expiry', 'date of expiry'],
		['Nationality', 'Nationality', 'nationality'],
	),
	normalizer,
	sample: {
		DocumentNo: 'SPECI2021',
		Surname: 'De Bruijn',
		GivenNames: 'Willeke Liselotte',
		Gender: 'V/F',
		DateOfBirth: '10 MAA/MAR 1965',
		DateOfIssue: '02 AUG/AUG 2021',
		DateOfExpiry: '02 AUG/AUG 2031',
		Nationality: 'Nederlandse',
	},
});
