import { documentedAnswers } from '../core/catalog/documentedAnswers';
import type { Operation } from '../core/catalog/types';
import { sniffFormat } from '../core/client/image';
import { contentHash } from './accounting';
import { decodeBase64, mediaType, parseForm, type RequestBody } from './body';
import type { FaceStore } from './faceStore';
import { MarkerError, readMarkers } from './markers';
import { judge, vendorReply, type ParsedCall, type VendorReply } from './reply';
import { pickOperation } from './routes';
import type { WrongTokenReading } from './types';
import type { WhatsappDesk } from './whatsapp';

/**
 * AI Solution: POST <path>?token=…, application/x-www-form-urlencoded, images base64 in img / img1 / img2;
 * every answer is HTTP 200 with {status, message}, except where the docs say nothing (see `refused`).
 */

export interface AiSolutionState {
	token: string;
	faces: FaceStore;
	whatsapp: WhatsappDesk;
	whatsappUnavailable: () => boolean;
	/** How a missing or wrong token is answered (the docs do not say). */
	wrongToken: WrongTokenReading;
}

export interface AiSolutionRequest {
	method: string;
	url: URL;
	contentType: string | undefined;
	body: RequestBody;
}

type RequestProblem = 'request' | 'size' | 'format';

/** For each kind of bad request, the operation's own documented status, most specific first. */
const PROBLEM_STATUSES: Record<RequestProblem, string[]> = {
	request: ['INVALID_REQUEST', 'INVALID_INPUT', 'FACE_DETECT_FAILED', 'PERSON_ID_NOT_EXIST'],
	size: ['IMAGE_INVALID_SIZE', 'INVALID_REQUEST', 'INVALID_INPUT', 'FACE_DETECT_FAILED'],
	format: ['IMAGE_INVALID_FORMAT', 'INVALID_REQUEST', 'INVALID_INPUT', 'FACE_DETECT_FAILED'],
};

export function problemStatus(op: Operation, problem: RequestProblem): string {
	return PROBLEM_STATUSES[problem].find((status) => status in op.statuses) ?? 'INVALID_REQUEST';
}

/** Reads and checks the request; a reply when it cannot go further. */
export function parseAiSolution(
	candidates: readonly Operation[],
	request: AiSolutionRequest,
	state: AiSolutionState,
): ParsedCall | VendorReply {
	const op = candidates[0];
	const token = request.url.searchParams.get('token');
	if (token !== state.token) return wrongToken(op, token ?? '', state);
	// Undocumented too: only POST is documented.
	if (request.method !== 'POST') return refused(op, 405, 'INVALID_REQUEST', 'check request params');
	if (request.body.tooLarge) return problem(op, 'size', `the body is ${request.body.received} bytes`, state);
	const type = mediaType(request.contentType);
	if (type !== 'application/x-www-form-urlencoded') {
		return problem(op, 'request', `Content-Type must be application/x-www-form-urlencoded, got ${type || 'none'}`, state);
	}
	const form = parseForm(request.body.bytes);
	const fields: Record<string, string> = {};
	for (const spec of op.inputs) if (spec.type !== 'image') fields[spec.name] = form.get(spec.name) ?? '';

	const imageSpecs = op.inputs.filter((spec) => spec.type === 'image');
	for (const spec of imageSpecs) if (!form.get(spec.name)) return problem(op, 'request', `${spec.name} is missing`, state);
	const images: Buffer[] = [];
	for (const spec of imageSpecs) {
		const bytes = decodeBase64(form.get(spec.name) as string);
		if (!bytes) return problem(op, 'request', `${spec.name} is not valid base64`, state);
		const limits = op.limits;
		if (limits && bytes.length > limits.maxBytes)
			return problem(op, 'size', `${spec.name} is ${bytes.length} bytes, the limit is ${limits.maxBytes}`, state);
		const format = sniffFormat(bytes);
		if (limits && !limits.formats.includes(format as never)) {
			return problem(op, 'format', `${spec.name} is ${format}, accepted: ${limits.formats.join(', ')}`, state);
		}
		images.push(bytes);
	}
	for (const spec of op.inputs) {
		if (spec.type !== 'image' && spec.required && fields[spec.name] === '') return problem(op, 'request', `${spec.name} is missing`, state);
	}

	let markers;
	try {
		markers = readMarkers(images);
	} catch (error) {
		if (error instanceof MarkerError) return markerMistake(op, error.message);
		throw error;
	}
	const chosen = pickOperation(candidates, markers.card);
	const imageSha256 = contentHash(images);
	// Without an image, what is billed is the required text (the number, the person id).
	const inputSha256 = imageSha256 ?? contentHash(op.inputs.filter((spec) => spec.required).map((spec) => fields[spec.name] ?? ''));
	return { op: chosen, images, fields, markers, imageSha256, inputSha256 };
}

/** The answer to a request that passed the checks. */
export function answerAiSolution(call: ParsedCall, state: AiSolutionState): VendorReply {
	const { op, markers } = call;
	if (markers.status !== undefined && markers.status !== 'OK') return statusAnswer(call, markers.status, state);
	const payload = markers.message ? markers.message.value : undefined;
	switch (op.kind) {
		case 'ocr':
			return ok(call, payload === undefined ? op.sample : payload);
		case 'faceCompare':
		case 'idHolding':
			return ok(call, payload === undefined ? judgment(call) : payload);
		case 'faceAdd':
			return ok(call, payload === undefined ? state.faces.add(state.token, call.imageSha256 as string) : payload);
		case 'faceSearch':
			return ok(call, payload === undefined ? state.faces.search(state.token, call.imageSha256 as string) : payload);
		case 'faceDelete':
			return state.faces.delete(state.token, call.fields.person_id)
				? vendorReply(op, 200, 'OK', null, { status: 'OK', message: null }, call)
				: vendorReply(op, 200, 'PERSON_ID_NOT_EXIST', null, { status: 'PERSON_ID_NOT_EXIST', message: null }, call);
		case 'whatsapp':
			return whatsappAnswer(call, state);
	}
}

/** The answer for a given status: the marker's message, else the docs' example, else the status description. */
export function statusAnswer(
	call: Pick<ParsedCall, 'op' | 'markers' | 'imageSha256' | 'inputSha256'>,
	status: string,
	state: AiSolutionState,
): VendorReply {
	const { op, markers } = call;
	let message: unknown;
	if (markers.message) {
		message = markers.message.value;
	} else {
		const documented = documentedAnswers(op).statuses;
		message = status in documented ? documented[status] : (op.statuses[status]?.description ?? 'undocumented status (emulator marker)');
		if (op.kind === 'faceAdd' && status === 'FACE_DETECT_FAILED') {
			const personId = call.imageSha256 ? state.faces.personIdFor(state.token, call.imageSha256) : '';
			message = { group_id: state.faces.groupId(state.token), person_id: personId, person_count: 0 };
		}
	}
	return vendorReply(op, 200, status, message, { status, message }, call);
}

function ok(call: ParsedCall, message: unknown): VendorReply {
	return vendorReply(call.op, 200, 'OK', message, { status: 'OK', message }, call);
}

/** SAME PERSON / NOT SAME PERSON / NOT SURE with the docs' example similarity, unless the markers say otherwise. */
function judgment(call: ParsedCall): { similarity: number; result: string } {
	const sample = call.op.sample as { similarity: number; result: string };
	const result = call.markers.verdict ?? sample.result;
	const example = documentedAnswers(call.op).verdicts[result] as { similarity?: number } | undefined;
	return { similarity: call.markers.similarity ?? example?.similarity ?? sample.similarity, result };
}

function whatsappAnswer(call: ParsedCall, state: AiSolutionState): VendorReply {
	const { answer, afterSend } = state.whatsapp.answer({
		account: state.token,
		number: call.fields.number ?? '',
		country: call.fields.country ?? '',
		callback: call.fields.callback ?? '',
		servstatus: call.fields.servstatus ?? '',
		serviceDown: state.whatsappUnavailable(),
	});
	const reply = vendorReply(call.op, 200, answer.status, answer.message, answer, call);
	return { ...reply, afterSend };
}

function problem(op: Operation, kind: RequestProblem, detail: string, state: AiSolutionState): VendorReply {
	const status = problemStatus(op, kind);
	const reply = statusAnswer({ op, markers: {}, imageSha256: null, inputSha256: null }, status, state);
	return { ...reply, detail };
}

/**
 * A missing or wrong token, before anything else is looked at (a check in front of every endpoint). The docs never
 * say how it is answered, so the reading decides; see WrongTokenReading for each.
 */
function wrongToken(op: Operation, given: string, state: AiSolutionState): VendorReply {
	const detail = 'the token is missing or wrong';
	switch (state.wrongToken) {
		case 'http401':
			return { ...refused(op, 401, 'UNAUTHORIZED', 'invalid token'), detail };
		case 'http403':
			// Worded so that only the HTTP status tells: the body does not name the token.
			return { ...refused(op, 403, 'FORBIDDEN', 'access denied'), detail };
		case 'invalidRequest':
			// Every documented refusal of a request is INVALID_REQUEST "check request params".
			return { ...refused(op, 200, 'INVALID_REQUEST', 'check request params'), detail };
		case 'invalidRequestNamingToken':
			return { ...refused(op, 200, 'INVALID_REQUEST', 'invalid token'), detail };
		case 'invalidToken':
			// The docs' statuses name what is invalid in capitals (INVALID_REQUEST, INVALID_INPUT, INVALID_FACE_NUM,
			// IMAGE_INVALID_FORMAT): a token refusal in the same voice is INVALID_TOKEN.
			return { ...refused(op, 200, 'INVALID_TOKEN', 'invalid token'), detail };
		case 'operationBadInput':
			// Answered as for a missing parameter, with the face store of the token given (group_id comes from it).
			return problem(op, 'request', detail, { ...state, token: given });
	}
}

/** Answers the docs do not describe: the HTTP status says it, the body keeps the vendor's shape. */
function refused(op: Operation, httpStatus: number, status: string, message: string): VendorReply {
	const { outcome } = judge(op, status, message);
	return {
		httpStatus,
		body: { status, message },
		op,
		status,
		verdict: null,
		outcome,
		charged: false,
		imageSha256: null,
		inputSha256: null,
	};
}

/** A test wrote a marker the emulator cannot read: say so loudly, as no vendor would. */
export function markerMistake(op: Operation, message: string): VendorReply {
	return {
		httpStatus: 400,
		body: { status: 'EMULATOR_MARKER_ERROR', message },
		op,
		status: 'EMULATOR_MARKER_ERROR',
		verdict: null,
		outcome: 'failed',
		charged: false,
		imageSha256: null,
		inputSha256: null,
	};
}
