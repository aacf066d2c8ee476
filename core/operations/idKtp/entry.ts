import { aiSolutionOcr, fields } from '../../catalog/shared';
import { AI_SOLUTION_OCR_NUMBER_OR_NAME } from '../../catalog/documentedAnswers';
import { normalizer } from './normalize';

// The docs show a Python "speedin" client here; the endpoint is used like every other AI Solution one.
export const idKtp = aiSolutionOcr({
	id: 'idKtp',
	path: 'ocr_id',
	title: 'Indonesia KTP (AI Solution)',
	description: 'Reads an Indonesian KTP (Kartu Tanda Penduduk)',
	document: { country: 'ID', documentType: 'ID_CARD', label: 'ID card (KTP)', typeName: 'IndonesianIdCard' },
	fields: fields(
		['id', 'NIK', 'ID card number, NIK'],
		['name', 'Name', 'name'],
		['pob', 'Place of birth', 'place of birth, maybe empty'],
		['dob', 'Date of birth', 'date of birth, maybe empty'],
		['gender', 'Gender', 'gender, maybe empty'],
		['address', 'Address', 'address, maybe empty'],
		['rt', 'RT', 'leadership, maybe empty'],
		['rw', 'RW', 'neighborhood committees, maybe empty'],
		['village', 'Village', 'village, maybe empty'],
		['district', 'District', 'district, maybe empty'],
		['religion', 'Religion', 'religion, maybe empty'],
		['marital_status', 'Marital status', 'marital status, maybe empty'],
		['work', 'Occupation', 'work, maybe empty'],
		['nationnality', 'Nationality', 'nationnality, maybe empty'],
		['city', 'City', 'city, maybe empty'],
		['province', 'Province', 'province, maybe empty'],
	),
	normalizer,
	// This section words IMAGE_RECOGNIZE_ERROR "no number or name found".
	documented: AI_SOLUTION_OCR_NUMBER_OR_NAME,
	sample: {
		name: 'HELLO NAME',
		id: '3171024302821001',
		pob: 'GARESSI SUPPA',
		dob: '01-01-1961',
		gender: 'LAKI-LAKI',
		address: 'BTN UNHALU BLOK C NO. 28',
		rt: '006',
		rw: '003',
		village: 'KAMBU',
		district: 'KAMBU',
		religion: 'ISLAM',
		marital_status: 'KAWIN',
		work: 'PEGAWAI NEGERI SIPIL (PNS)',
		nationnality: 'WNI',
		city: 'KOTA KENDARI',
		province: 'SULAWESI TENGGARA',
	},
});
