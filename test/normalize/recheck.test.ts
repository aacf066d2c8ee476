import { needsReview, recheckDocument } from '../../core';

/** Validate Fields: a reviewer's corrections are normalized and checked the way a read is, for free. */

const now = new Date('2026-11-30T00:00:00Z');

describe('recheckDocument', () => {
	it('normalizes reviewed fields and recomputes every check a read makes', () => {
		const { document, checks } = recheckDocument(
			'mxVoterCard',
			{
				personalNumber: 'boxw 310820 hnerxn09',
				firstName: 'Wendy',
				lastName: 'Box',
				sex: 'mujer',
				dateOfBirth: '20/08/1931',
				dateOfExpiry: '2030',
				nationality: 'Mexicana',
			},
			{ now },
		);
		expect(document).toMatchObject({
			personalNumber: 'BOXW310820HNERXN09',
			fullName: 'Wendy Box',
			sex: 'F',
			dateOfBirth: '1931-08-20',
			nationality: 'MEX',
		});
		expect(checks.personalNumberFormat?.result).toBe(true);
		expect(checks.personalNumberChecksum?.result).toBe(true);
		expect(checks.ageOver?.result).toBe(true);
		expect(checks.notExpired?.result).toBe(true);
	});

	it('a corrected number with a wrong check digit needs review, with the reason', () => {
		const { checks } = recheckDocument('mxVoterCard', { personalNumber: 'BOXW310820HNERXN08', dateOfBirth: '1931-08-20' }, { now });
		expect(checks.personalNumberChecksum).toMatchObject({ result: false });
		expect(checks.personalNumberChecksum?.reason).toMatch(/CURP/);
		expect(needsReview(checks)).toBe(true);
	});

	it('a German ID-card number: format checked, nothing claimed about a check digit it does not carry', () => {
		const ok = recheckDocument('deIdCard', { documentNumber: 'T22000129', dateOfBirth: '12.08.1983', dateOfExpiry: '01.01.2031' }, { now });
		expect(ok.checks.documentNumberFormat?.result).toBe(true);
		expect(ok.checks.documentNumberChecksum).toBeUndefined();
		const bad = recheckDocument('deIdCard', { documentNumber: 'T22000129C' }, { now });
		expect(bad.checks.documentNumberFormat?.result).toBe(false);
	});

	it('an expired document or an under-age holder needs review', () => {
		const { checks } = recheckDocument(
			'deIdCard',
			{ documentNumber: 'T22000129', dateOfBirth: '2015-01-01', dateOfExpiry: '2020-01-01' },
			{ now, minimumAge: 18 },
		);
		expect(checks.notExpired?.result).toBe(false);
		expect(checks.ageOver?.result).toBe(false);
	});

	it('a missing number is not a pass', () => {
		const { checks } = recheckDocument('idKtp', { firstName: 'Budi' }, { now });
		expect(checks.personalNumberFormat).toMatchObject({ result: null });
	});

	it('a Thai ID card checks only the national ID number; a Thai licence also the licence number', () => {
		expect(recheckDocument('thIdCard', {}, { now }).checks.documentNumberFormat).toBeUndefined();
		expect(recheckDocument('thDrivingLicence', {}, { now }).checks.documentNumberFormat).toMatchObject({ result: null });
	});

	it('refuses an operation that reads no document', () => {
		expect(() => recheckDocument('faceCompare', {})).toThrow(/reads no document/);
	});
});
