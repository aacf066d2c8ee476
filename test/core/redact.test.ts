import { redact } from '../../core/client';

describe('redact', () => {
	it('removes secret values wherever they appear', () => {
		expect(redact('failed for s3cr3t-value and again s3cr3t-value', ['s3cr3t-value'])).toBe('failed for *** and again ***');
	});

	it('removes a token query parameter and the AccuAuth headers even when the value is unknown', () => {
		expect(redact('GET https://api.example/v1/de_ocr/general?token=abcd1234&x=1 failed', [])).toBe(
			'GET https://api.example/v1/de_ocr/general?token=***&x=1 failed',
		);
		expect(redact('{"X-DF-API-SECRET":"zzzz","X-DF-API-ID":"yyyy"}', [])).toBe('{"X-DF-API-SECRET":"***","X-DF-API-ID":"***"}');
	});
});
