import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const coIdCardBack = aiSolutionOcr({
	id: 'coIdCardBack',
	path: 'co_ocr_back/general',
	title: 'Colombia cédula, back',
	description: 'Reads the back of a Colombian cédula de ciudadanía',
	document: { country: 'CO', documentType: 'ID_CARD', label: 'Cédula (back)', typeName: 'ColombianIdCardBack', side: 'back' },
	fields: fields(
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['Height', 'Height', 'height'],
		['BloodType', 'Blood type', 'blood type'],
		['DateOfIssue', 'Date of issue', 'date of issue'],
		['PlaceOfIssue', 'Place of issue', 'place of issue'],
		['Gender', 'Sex', 'gender'],
		['PlaceOfBirth', 'Place of birth', 'place of birth'],
	),
	normalizer,
	sample: {
		DateOfBirth: '17-ENE-1987',
		Height: '1.72',
		BloodType: 'A+',
		DateOfIssue: '16-FEB-2005',
		PlaceOfIssue: 'BOGOTA D.C.',
		Gender: 'M',
		PlaceOfBirth: 'BOGOTA D.C (CUNDINAMARCA)',
	},
});
