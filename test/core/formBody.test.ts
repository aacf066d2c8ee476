import { getOperation } from '../../core/catalog';
import { prepareInputs } from '../../core/client/inputs';
import { PreparedImage } from '../../core/client/preparedImage';
import { buildRequest } from '../../core/client/request';
import type { TransportRequest } from '../../core/client/transport';
import { makeJpeg, makePng } from '../support/images';

/** AI Solution's form body, byte for byte: what the vendor reads, whatever form the inputs came in. */

function formBody(operationId: string, input: Record<string, unknown>): TransportRequest {
	const prepared = prepareInputs(getOperation(operationId), input);
	if (!('inputs' in prepared)) throw new Error(`refused: ${prepared.problem.message}`);
	return buildRequest(getOperation(operationId), prepared.inputs, 'http://127.0.0.1:1/x', 1000);
}

const formEscaped = (bytes: Buffer) => bytes.toString('base64').replace(/\+/g, '%2B');

describe('the AI Solution form body', () => {
	it('carries two images, one sent as bytes and one as base64, each escaped the same way', () => {
		const first = makeJpeg(400, 400, { padToBytes: 3000 });
		const second = makePng(300, 300);
		const request = formBody('faceCompare', { img1: first, img2: { base64: second.toString('base64') } });
		expect(Buffer.from(request.body).toString('latin1')).toBe(`img1=${formEscaped(first)}&img2=${formEscaped(second)}`);
		expect(request.headers['Content-Type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
	});

	it.each([
		['no sign at all', 'QUJD', 'REVG'],
		['signs first, last and in a row', '++AB+/+=', '/++/'],
		['nothing but signs', '++++', '+'],
		['a long text with many', 'A+B/'.repeat(50_000), '+'.repeat(3) + 'x'.repeat(70_000)],
	])('escapes every + of base64 text in place: %s', (_case, first, second) => {
		const image = (text: string) => PreparedImage.fromBase64(text, 0);
		const request = buildRequest(getOperation('faceCompare'), { img1: image(first), img2: image(second) }, 'http://127.0.0.1:1/x', 1000);
		const body = Buffer.from(request.body).toString('latin1');
		expect(body).toBe(`img1=${first.replace(/\+/g, '%2B')}&img2=${second.replace(/\+/g, '%2B')}`);
		const read = new URLSearchParams(body);
		expect([read.get('img1'), read.get('img2')]).toEqual([first, second]);
	});

	it('percent-encodes text as UTF-8, so every byte of the body is ASCII', () => {
		const request = formBody('faceDelete', { person_id: 'Müller 😀 &=+' });
		const body = Buffer.from(request.body);
		expect(body.toString('latin1')).toBe('person_id=M%C3%BCller%20%F0%9F%98%80%20%26%3D%2B');
		expect(body.every((byte) => byte < 0x80)).toBe(true);
		expect(new URLSearchParams(body.toString('utf8')).get('person_id')).toBe('Müller 😀 &=+');
	});

	it('gives a small body bytes of its own, not a view into a shared pool', () => {
		const body = formBody('faceDelete', { person_id: 'p-1' }).body as Uint8Array;
		expect(body.byteOffset).toBe(0);
		expect(body.buffer.byteLength).toBe(body.byteLength);
	});
});
