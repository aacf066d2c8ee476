import { NodeHelpers, type INodeParameters } from 'n8n-workflow';
import { n8nFixture, type N8nFixture } from './support/fixture';

/** ID Document OCR's Validate Fields: a reviewer's corrections checked for free, offline, routed like a read. */

const [RECOGNIZED, NEEDS_REVIEW] = [0, 1];

let fx: N8nFixture;
beforeAll(async () => {
	fx = await n8nFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx.emulator.reset());

const validate = (fields: INodeParameters, validateOptions: INodeParameters = {}, type = 'idDocumentOcr') => ({
	type: fx.pkg.type(type),
	typeVersion: 2,
	parameters: { operation: 'validateFields', country: 'DE', document: 'ID_CARD', ...fields, validateOptions },
});
const card = { documentNumber: 'L01X00T47', firstName: 'Ben', lastName: 'Mueller', dateOfBirth: '12.08.1964', nationality: 'DEUTSCH' };

test('a corrected card that passes every check is Recognized, with the canonical fields; no vendor call', async () => {
	const { outputs, error } = await fx.run(validate({ ...card, dateOfExpiry: '2031-03-01' }), [{ json: {} }]);
	expect(error).toBeUndefined();
	expect(outputs[RECOGNIZED]).toHaveLength(1);
	const item = outputs[RECOGNIZED][0].json;
	expect(item).toMatchObject({ verdict: 'Recognized', charged: false, operation: 'validateFields' });
	expect(item.document).toMatchObject({
		documentType: 'ID_CARD',
		dateOfExpiry: '2031-03-01',
		dateOfBirth: '1964-08-12',
		nationality: 'DEU',
		documentNumber: 'L01X00T47',
	});
	expect(item.checks).toMatchObject({ notExpired: { result: true }, ageOver: { result: true } });
	expect(fx.emulator.accounting().totals.calls).toBe(0);
});

test('an expired date or an under-age holder goes to Needs review with the reasons', async () => {
	const { outputs } = await fx.run(validate({ ...card, dateOfExpiry: '2019-03-01' }), [{ json: {} }]);
	expect(outputs[NEEDS_REVIEW]).toHaveLength(1);
	expect(outputs[NEEDS_REVIEW][0].json.reviewReasons).toEqual([
		expect.objectContaining({ check: 'notExpired', reason: expect.stringContaining('2019-03-01') }),
	]);
	const young = await fx.run(validate({ ...card, dateOfBirth: `${new Date().getUTCFullYear() - 10}-01-01`, dateOfExpiry: '2031-03-01' }), [
		{ json: {} },
	]);
	expect(young.outputs[NEEDS_REVIEW][0].json.reviewReasons).toEqual([expect.objectContaining({ check: 'ageOver' })]);
});

test('"masked" keeps only the last four characters of the numbers', async () => {
	const { outputs } = await fx.run(validate({ ...card, dateOfExpiry: '2031-03-01' }, { personalNumbers: 'masked' }), [{ json: {} }]);
	expect(JSON.stringify(outputs[RECOGNIZED][0].json)).not.toContain('L01X00T47');
	expect((outputs[RECOGNIZED][0].json.document as { documentNumber: string }).documentNumber).toBe('*****0T47');
});

test('the node can be used as an AI tool', () => {
	const description = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('idDocumentOcr'), 2).description;
	expect(description.usableAsTool).toBe(true);
});

test('the ID number is rechecked too: a wrong CURP check digit goes to Needs review, naming the CURP', async () => {
	const curp = {
		country: 'MX',
		document: 'VOTER_CARD',
		firstName: 'Wendy',
		lastName: 'Box',
		dateOfBirth: '1931-08-20',
		dateOfExpiry: '2030',
	};
	const good = await fx.run(validate({ ...curp, personalNumber: 'BOXW310820HNERXN09' }), [{ json: {} }]);
	expect(good.outputs[RECOGNIZED][0].json.checks).toMatchObject({
		personalNumberFormat: { result: true },
		personalNumberChecksum: { result: true },
	});
	const bad = await fx.run(validate({ ...curp, personalNumber: 'BOXW310820HNERXN08' }), [{ json: {} }]);
	expect(bad.outputs[NEEDS_REVIEW][0].json.reviewReasons).toEqual([
		expect.objectContaining({ check: 'personalNumberChecksum', reason: expect.stringContaining('CURP') }),
	]);
});

test('needs no credential: the editor shows none for Validate Fields, and both for a read', () => {
	const description = fx.pkg.nodeTypes.getByNameAndVersion(fx.pkg.type('idDocumentOcr'), 2).description;
	const shown = (parameters: INodeParameters) =>
		(description.credentials ?? [])
			.filter((credential) => NodeHelpers.displayParameter(parameters, credential, { typeVersion: 2 }, description))
			.map((c) => c.name);
	expect(shown({ operation: 'validateFields', country: 'ID', document: 'ID_CARD' })).toEqual([]);
	expect(shown({ operation: 'read', country: 'ID', document: 'ID_CARD' })).toEqual(['aiSolutionApi', 'accuAuthApi']);
});
