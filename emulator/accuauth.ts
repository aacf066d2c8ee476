import { randomBytes } from 'node:crypto';
import { documentedAnswers } from '../core/catalog/documentedAnswers';
import { ecIdCard, ecIdCardBackSample } from '../core/catalog/operations/ecIdCard';
import type { Operation } from '../core/catalog/types';
import { imageDimensions, sniffFormat, type Dimensions } from '../core/client/image';
import { contentHash } from './accounting';
import { decodeBase64, mediaType, parseForm, type RequestBody } from './body';
import { MarkerError, readMarkers, type Markers } from './markers';
import { boundaryOf, parseMultipart } from './multipart';
import { vendorReply, type ParsedCall, type VendorReply } from './reply';
import { pickOperation } from './routes';

/**
 * AccuAuth: POST https://cloudapi.<country>.accuauth.com/ocr/idcard with X-DF-API-ID / X-DF-API-SECRET,
 * multipart/form-data (`file` part or `image_base64` field; Ecuador also `detect_face`). Errors carry the
 * documented HTTP status and {status, reason, request_id}; success is {request_id, status: 'OK', results}.
 */

export interface AccuAuthState {
	apiId: string;
	apiSecret: string;
}

export interface AccuAuthRequest {
	method: string;
	headers: Record<string, string | string[] | undefined>;
	contentType: string | undefined;
	body: RequestBody;
}

/** The documented back-side answers, by operation. */
const BACK_SAMPLES: Record<string, unknown> = { [ecIdCard.id]: ecIdCardBackSample };

/** AccuAuth's call ids look like "TID8bf47ab6eda64476973cc5f5b6ebf57e". */
export const requestId = () => `TID${randomBytes(16).toString('hex')}`;

export function parseAccuAuth(candidates: readonly Operation[], request: AccuAuthRequest, state: AccuAuthState): ParsedCall | VendorReply {
	const op = candidates[0];
	if (header(request.headers, 'x-df-api-id') !== state.apiId || header(request.headers, 'x-df-api-secret') !== state.apiSecret) {
		return statusReply(op, 'UNAUTHORIZED', null, null);
	}
	if (request.method !== 'POST') return statusReply(op, 'NOT_FOUND', null, null);
	const limits = op.limits;
	const invalid = (reason: string) => statusReply(op, 'INVALID_ARGUMENT', reason, null);
	if (request.body.tooLarge)
		return invalid(`the request body is ${request.body.received} bytes; the image may be at most ${limits?.maxBytes} bytes`);

	const fields: Record<string, string> = {};
	let file: Buffer | null = null;
	const type = mediaType(request.contentType);
	if (type === 'multipart/form-data') {
		const boundary = boundaryOf(request.contentType);
		const parts = boundary ? parseMultipart(request.body.bytes, boundary) : null;
		if (!parts) return invalid('the multipart/form-data body cannot be read');
		for (const part of parts) {
			if (part.name === 'file' && part.data.length > 0) file ??= part.data;
			else if (part.filename === null) fields[part.name] ??= part.data.toString('utf8');
		}
	} else if (type === 'application/x-www-form-urlencoded') {
		// The docs require multipart for `file` only; a form can still carry `image_base64`.
		for (const [name, value] of parseForm(request.body.bytes)) fields[name] ??= value;
	} else {
		return invalid(`Content-Type must be multipart/form-data, got ${type || 'none'}`);
	}

	let image = file;
	if (!image && fields.image_base64) {
		image = decodeBase64(fields.image_base64);
		if (!image) return invalid('image_base64 is not valid base64');
	}
	if (!image) return invalid("must specify 'file' or 'image_base64' argument");
	if (limits && image.length > limits.maxBytes)
		return invalid(`image size ${image.length} bytes exceeds the limit of ${limits.maxBytes} bytes (5 MB)`);
	const format = sniffFormat(image);
	if (limits && !limits.formats.includes(format as never))
		return invalid(`image format ${format} is not supported; use one of ${limits.formats.join(', ')}`);
	if (limits && format !== 'pdf') {
		const size = imageDimensions(image);
		if (!size) return invalid(`the ${format} header does not give the image size`);
		const reason = pixelProblem(size, limits.minPixels, limits.maxPixels);
		if (reason) return invalid(reason);
	}
	// The docs take detect_face as 1 or 0 (a flag input in the catalog).
	const detectFace = op.inputs.some((spec) => spec.name === 'detect_face');
	if (
		detectFace &&
		fields.detect_face !== undefined &&
		fields.detect_face !== '' &&
		fields.detect_face !== '0' &&
		fields.detect_face !== '1'
	) {
		return invalid(`detect_face must be 0 or 1, got ${JSON.stringify(fields.detect_face)}`);
	}

	let markers: Markers;
	try {
		markers = readMarkers([image]);
	} catch (error) {
		if (error instanceof MarkerError) return { ...statusReply(op, 'EMULATOR_MARKER_ERROR', error.message, null), httpStatus: 400 };
		throw error;
	}
	const imageSha256 = contentHash([image]);
	return { op: pickOperation(candidates, markers.card), images: [image], fields, markers, imageSha256, inputSha256: imageSha256 };
}

export function answerAccuAuth(call: ParsedCall): VendorReply {
	const { op, markers } = call;
	if (markers.status !== undefined && markers.status !== 'OK') {
		return statusReply(op, markers.status, markers.message ? markers.message.value : null, call);
	}
	let results: unknown[];
	const payload = markers.message?.value;
	if (Array.isArray(payload)) {
		results = payload;
	} else if (markers.verdict === 'empty') {
		results = [];
	} else if (payload !== undefined) {
		results = [payload];
	} else {
		const back = markers.side === 'back' ? BACK_SAMPLES[op.id] : undefined;
		const result = structuredClone((back ?? op.sample) as Record<string, unknown>);
		const detectFace = op.inputs.some((spec) => spec.name === 'detect_face') && call.fields.detect_face === '1';
		if (detectFace && !back) result.face_region = faceRegion(imageDimensions(call.images[0]));
		results = [result];
	}
	const body = { request_id: requestId(), status: 'OK', results };
	return vendorReply(op, 200, 'OK', results, body, call);
}

/** An error answer: the documented HTTP status, `reason` from the caller, the docs or the status description. */
export function statusReply(op: Operation, status: string, reason: unknown, call: ParsedCall | null): VendorReply {
	const rule = op.statuses[status];
	const documented = documentedAnswers(op).statuses;
	const text = reason ?? (status in documented ? documented[status] : (rule?.description ?? 'undocumented status (emulator marker)'));
	const body = { status, reason: text, request_id: requestId() };
	return { ...vendorReply(op, rule?.httpStatus ?? 400, status, text, body, call), detail: typeof text === 'string' ? text : undefined };
}

/** A reply for a route that does not exist (unknown country or path): no operation to account it to. */
export function notFound(): VendorReply {
	return {
		httpStatus: 404,
		body: { status: 'NOT_FOUND', reason: 'Requested API cannot be found', request_id: requestId() },
		op: null,
		status: 'NOT_FOUND',
		verdict: null,
		outcome: 'failed',
		charged: false,
		imageSha256: null,
		inputSha256: null,
	};
}

function pixelProblem(size: Dimensions, min = 0, max = Infinity): string | null {
	for (const side of ['width', 'height'] as const) {
		if (size[side] < min) return `image ${side} ${size[side]} px is below the minimum of ${min} px`;
		if (size[side] > max) return `image ${side} ${size[side]} px is above the maximum of ${max} px`;
	}
	return null;
}

/** A face box in the left third of the card, as [(x, y)…] corners: top left, top right, bottom right, bottom left. */
function faceRegion(size: Dimensions | null): number[][] {
	const { width, height } = size ?? { width: 1280, height: 800 };
	const left = Math.round(width * 0.06);
	const right = Math.round(width * 0.33);
	const top = Math.round(height * 0.25);
	const bottom = Math.round(height * 0.8);
	return [
		[left, top],
		[right, top],
		[right, bottom],
		[left, bottom],
	];
}

function header(headers: AccuAuthRequest['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}
