import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const coIdCardFront = aiSolutionOcr({
	id: 'coIdCardFront',
	path: 'co_ocr_front/general',
	title: 'Colombia cédula, front',
	description: 'Reads the front of a Colombian cédula de ciudadanía',
	document: { country: 'CO', documentType: 'ID_CARD', label: 'Cédula (front)', typeName: 'ColombianIdCardFront', side: 'front' },
	fields: fields(
		['CardNumber', 'Cédula number', 'card number'],
		['Surname', 'Surnames', 'surname'],
		['GivenNames', 'Given names', 'given names'],
	),
	normalizer,
	sample: { CardNumber: '1.136.879.353', Surname: 'RUEDA PLATA', GivenNames: 'OSCAR FELIPE' },
});
