import { aiSolutionOcr, fields } from '../../catalog/shared';
import { normalizer } from './normalize';

export const inAadhaarFront = aiSolutionOcr({
	id: 'inAadhaarFront',
	path: 'in_ocr_front/general',
	title: 'India Aadhaar, front',
	description: 'Reads the front of an Aadhaar card or e-Aadhaar letter',
	document: { country: 'IN', documentType: 'ID_CARD', label: 'Aadhaar (front)', typeName: 'IndianAadhaarFront', side: 'front' },
	fields: fields(
		['CardNumber', 'Aadhaar number', 'card number'],
		['DateOfBirth', 'Date of birth', 'date of birth'],
		['DownloadDate', 'Download date', 'download date'],
		['Gender', 'Gender', 'gender'],
		['IssueDate', 'Issue date', 'the issue date'],
		['MobileNumber', 'Mobile number', 'mobile number'],
		['Name', 'Name', 'user name'],
		['VID', 'Virtual ID', 'vid number'],
	),
	normalizer,
	sample: {
		CardNumber: '775754348277',
		DateOfBirth: '16/07/2000',
		DownloadDate: '06/09/2020',
		Gender: 'FEMALE',
		IssueDate: '04/09/2020',
		MobileNumber: '',
		Name: 'Sinch Poonam Sagar',
		VID: '9150912715607691',
	},
});
