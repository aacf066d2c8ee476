import { aiSolutionOcr, fields } from '../../catalog/shared';
import { AI_SOLUTION_OCR_NUMBER_OR_NAME } from '../../catalog/documentedAnswers';
import { normalizer } from './normalize';

// The docs print the ID card's URL for the licence too: one endpoint serves both Thai cards and
// `cardTypeEn` tells which was read. Kept as its own entry so the path can change on its own.
export const thDrivingLicence = aiSolutionOcr({
	id: 'thDrivingLicence',
	path: 'th_ocr/general',
	title: 'Thailand driving licence',
	description: 'Reads a Thai smart-card driving licence',
	document: { country: 'TH', documentType: 'DRIVING_LICENSE', label: 'Driving licence (ใบอนุญาตขับรถ)', typeName: 'ThaiDrivingLicence' },
	fields: fields(
		['cardTypeTh', 'Card type (Thai)', 'th card type'],
		['cardTypeEn', 'Card type (English)', 'en card type'],
		['licenseNumber', 'Licence number', 'license number'],
		['idNumber', 'ID number', 'id number'],
		['nameTh', 'Name (Thai)', 'th name'],
		['nameEn', 'Name (English)', 'en name'],
		['birthTh', 'Date of birth (Thai)', 'birth day of th'],
		['birthEn', 'Date of birth (English)', 'birth day of en'],
		['issueDate', 'Date of issue', 'issuse date'],
		['expiryDate', 'Date of expiry', 'expiry date'],
	),
	normalizer,
	// This section words IMAGE_RECOGNIZE_ERROR "no number or name found".
	documented: AI_SOLUTION_OCR_NUMBER_OR_NAME,
	sample: {
		cardTypeTh: 'ใบอนุญาตขับรถ',
		cardTypeEn: 'Driving License',
		licenseNumber: '61002614',
		idNumber: '1102652247328',
		nameTh: 'นาย  อนิรุต ทองรักอยู่',
		nameEn: 'MR. ANIRUT THONGRAKYU',
		birthTh: '27 พฤษภาคม 2538',
		birthEn: '27 May 1995',
		issueDate: '24 December 2018',
		expiryDate: '24 December 2020',
	},
});
