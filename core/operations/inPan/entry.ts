import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const inPan = aiSolutionOcr({
	id: 'inPan',
	path: 'in_ocr_pan/general',
	title: 'India PAN card',
	description: 'Reads an Indian PAN (Permanent Account Number) card',
	document: { country: 'IN', documentType: 'TAX_CARD', label: 'PAN card', typeName: 'IndianPanCard' },
	fields: fields(
		['CardNumber', 'PAN', 'card number'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['FatherName', "Father's name", 'father name'],
		['Name', 'Name', 'name'],
	),
	normalizer,
	sample: {
		CardNumber: 'FBVPM7951K',
		DateOfBirth: '13/08/1998',
		FatherName: 'MAHABUB ALI MAHAMMAD',
		Name: 'IRSHAD MAHAMMAD',
	},
});
