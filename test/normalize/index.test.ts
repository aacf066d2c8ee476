import { documentOperations, OPERATIONS } from '../../core/catalog';
import { compareAadhaarSides, DOCUMENT_NORMALIZERS, documentNormalizer, normalizeDocument } from '../../core/normalize';
import { CHECK_NAMES } from '../../core/normalize/types';

const now = new Date('2026-11-21T12:00:00Z');

describe('the catalog and the normalizers', () => {
	it('every OCR operation of the catalog has a normalizer, and no normalizer is left over', () => {
		for (const op of documentOperations()) expect(documentNormalizer(op.id).operationId).toBe(op.id);
		expect(DOCUMENT_NORMALIZERS.map((n) => n.operationId).sort()).toEqual(
			documentOperations()
				.map((op) => op.id)
				.sort(),
		);
	});

	it('operations that read no document have none, and say so', () => {
		for (const op of OPERATIONS.filter((o) => o.kind !== 'ocr')) expect(() => documentNormalizer(op.id)).toThrow(/reads no document/);
		expect(() => documentNormalizer('nope')).toThrow(/Unknown operation "nope"/);
	});

	it.each(documentOperations().map((op) => [op.id, op] as const))(
		'%s: type and country come from the catalog, extras are declared',
		(id, op) => {
			const { document } = normalizeDocument(id, op.sample, { now });
			expect(document.issuingCountry).toMatch(/^[A-Z]{3}$/);
			if (!['thIdCard', 'thDrivingLicence'].includes(id)) expect(document.documentType).toBe(op.document!.documentType);
			const declared = documentNormalizer(id)
				.extras.map((e) => e.name)
				.sort();
			expect(Object.keys(document.extras).sort()).toEqual(declared);
			for (const extra of documentNormalizer(id).extras) {
				expect(extra.description.length).toBeGreaterThan(5);
				const value = document.extras[extra.name];
				if (value !== null) expect(typeof value).toBe(extra.type);
			}
		},
	);

	it('extras never reuse a canonical field name (the GraphQL types put both side by side)', () => {
		const { document } = normalizeDocument('deIdCard', {}, { now });
		const canonical = Object.keys(document);
		for (const n of DOCUMENT_NORMALIZERS) for (const e of n.extras) expect(canonical).not.toContain(e.name);
	});

	it.each(documentOperations().map((op) => [op.id] as const))('%s: never throws on an empty, odd or partial answer', (id) => {
		for (const data of [undefined, null, {}, 'text', 42, [], { CardNumber: 12345, name: { nested: true }, card_info: 'x' }]) {
			const { document, checks } = normalizeDocument(id, data, { now });
			expect(document.documentNumber === null || typeof document.documentNumber === 'string').toBe(true);
			for (const [name, c] of Object.entries(checks)) {
				expect(CHECK_NAMES).toContain(name);
				expect([true, false, null]).toContain(c!.result);
				expect(c!.reason.length).toBeGreaterThan(0);
			}
		}
	});

	it('an empty answer passes nothing it could not check', () => {
		const { checks } = normalizeDocument('seIdCard', {}, { now });
		expect(checks.personalNumberFormat).toEqual({ result: null, reason: 'no personnummer was read' });
		expect(checks.notExpired?.result).toBeNull();
		expect(checks.ageOver?.result).toBeNull();
		expect(checks.datesParsed).toBeUndefined();
	});

	it('lists checks in the order of CHECK_NAMES', () => {
		const { checks } = normalizeDocument('thIdCard', documentOperations('TH')[0].sample, { now });
		const order = Object.keys(checks).map((k) => CHECK_NAMES.indexOf(k as never));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});
});

describe('options', () => {
	const sample = documentOperations('NL')[0].sample;
	it('uses the clock it is given for expiry and age', () => {
		expect(normalizeDocument('nlIdCard', sample, { now: new Date('2031-08-02T23:59:59Z') }).checks.notExpired?.result).toBe(true);
		expect(normalizeDocument('nlIdCard', sample, { now: new Date('2031-08-03T00:00:00Z') }).checks.notExpired).toEqual({
			result: false,
			reason: 'expired on 2031-08-02',
		});
	});
	it('uses the minimum age it is given (default 18)', () => {
		expect(normalizeDocument('nlIdCard', sample, { now }).checks.ageOver?.reason).toBe('age 61 is at least 18');
		expect(normalizeDocument('nlIdCard', sample, { now, minimumAge: 65 }).checks.ageOver).toEqual({
			result: false,
			reason: 'age 61 is under 65',
		});
	});
	it('counts a birthday on its day', () => {
		const data = { DateOfBirth: '22 NOV/NOV 2008' };
		expect(normalizeDocument('nlIdCard', data, { now: new Date('2026-11-21T12:00:00Z') }).checks.ageOver?.result).toBe(false);
		expect(normalizeDocument('nlIdCard', data, { now: new Date('2026-11-22T00:00:00Z') }).checks.ageOver?.result).toBe(true);
	});
});

describe('compareAadhaarSides', () => {
	const [front, back] = ['inAadhaarFront', 'inAadhaarBack'].map((id) => (data: object) => normalizeDocument(id, data, { now }).document);
	it('passes when the number and VID agree', () => {
		const check = compareAadhaarSides(
			front({ CardNumber: '2341 2341 2346', VID: '2341234123412341' }),
			back({ CardNumber: '234123412346', VID: '2341 2341 2341 2341' }),
		);
		expect(check).toEqual({ result: true, reason: 'front and back agree on the Aadhaar number and the VID' });
	});
	it('fails when the numbers differ (the two documented samples are different people)', () => {
		const check = compareAadhaarSides(
			normalizeDocument('inAadhaarFront', documentOperations('IN')[0].sample, { now }).document,
			normalizeDocument('inAadhaarBack', documentOperations('IN')[1].sample, { now }).document,
		);
		expect(check).toEqual({ result: false, reason: 'front and back disagree on the Aadhaar number' });
	});
	it('fails when only the VID differs', () => {
		expect(
			compareAadhaarSides(
				front({ CardNumber: '234123412346', VID: '2341234123412341' }),
				back({ CardNumber: '234123412346', VID: '9176300123456783' }),
			).result,
		).toBe(false);
	});
	it('compares the last four digits when a side is masked', () => {
		const check = compareAadhaarSides(front({ CardNumber: 'XXXX XXXX 2346' }), back({ CardNumber: '234123412346' }));
		expect(check).toEqual({ result: true, reason: 'front and back agree on the last 4 digits of the Aadhaar number (one side is masked)' });
		expect(front({ CardNumber: 'XXXX XXXX 2346' }).extras.aadhaarMasked).toBe(true);
	});
	it('cannot run without a number on both sides', () => {
		expect(compareAadhaarSides(front({}), back({ CardNumber: '234123412346' }))).toEqual({
			result: null,
			reason: 'no Aadhaar number was read on the front',
		});
	});
});
