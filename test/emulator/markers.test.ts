import { OPERATIONS, getOperation } from '../../core/catalog';
import { documentedAnswers } from '../../core/catalog/documentedAnswers';
import type { Operation, StatusRule } from '../../core/catalog/types';
import { encodeMessageMarker, startEmulator, type Emulator } from '../../emulator';
import { makeJpeg, makePng } from '../support/images';
import { callOperation, type Sent } from './support';

/**
 * Every documented status and every documented verdict of every operation, walked from the catalog:
 * the emulator answers it with the documented body, and accounts it with the catalog's outcome and charge.
 */

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0, whatsappCheckingMs: 60_000 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const hasImage = (op: Operation) => op.inputs.some((spec) => spec.type === 'image');
const image = (marker: string) => makePng(400, 300, { marker });

/** How a test gets each status of the operations that take no image. */
async function reachWithoutImage(op: Operation, status: string): Promise<Sent> {
	if (op.kind === 'faceDelete') {
		if (status === 'OK') {
			const added = await callOperation(emulator, getOperation('faceAdd'), image('idv:face=to-delete'));
			return callOperation(emulator, op, null, { person_id: added.body.message.person_id });
		}
		if (status === 'PERSON_ID_NOT_EXIST') return callOperation(emulator, op, null, { person_id: 'nobody' });
	}
	if (op.kind === 'whatsapp') {
		if (status === 'OK') return callOperation(emulator, op, null, { number: '6281234567890' });
		if (status === 'INVALID_INPUT') return callOperation(emulator, op, null, { number: '6281234567899' });
		if (status === 'FAIL') return callOperation(emulator, op, null, { number: '6281234567890', country: 'Indonesia' });
		if (status === 'RETRY_LATER') {
			emulator.setFaults({ whatsappUnavailable: true });
			return callOperation(emulator, op, null, { number: '6281234567890' });
		}
	}
	if (status === 'RETRY_LATER') {
		emulator.setFaults({ burst: { kind: 'RETRY_LATER', count: 1 } });
		return callOperation(emulator, op, null, { person_id: 'anyone' });
	}
	throw new Error(`no way to reach ${op.id} ${status} without an image`);
}

function expectAccounted(op: Operation, status: string, rule: Pick<StatusRule, 'outcome' | 'charged'>) {
	const calls = emulator.accounting().calls.filter((call) => call.operationId === op.id);
	expect(calls[calls.length - 1]).toMatchObject({ operationId: op.id, status, outcome: rule.outcome, charged: rule.charged });
}

const statusCases = OPERATIONS.flatMap((op) => Object.entries(op.statuses).map(([status, rule]) => [op.id, status, op, rule] as const));

describe.each(statusCases)('%s answers %s', (_id, status, op, rule) => {
	test('with the documented body, outcome and charge', async () => {
		let answer: Sent;
		if (hasImage(op)) {
			// idv:card names the entry where two share a path (th_ocr/general). An empty face store answers "no match".
			answer = await callOperation(emulator, op, image(`idv:status=${status} idv:card=${op.id}`));
		} else {
			answer = await reachWithoutImage(op, status);
		}
		expect(answer.body.status).toBe(status);
		if (op.vendor === 'accuauth') {
			expect(answer.status).toBe(rule.httpStatus);
			if (status === 'OK') expect(answer.body).toEqual({ request_id: expect.stringMatching(/^TID/), status: 'OK', results: [op.sample] });
			else
				expect(answer.body).toEqual({
					status,
					reason: documentedAnswers(op).statuses[status] ?? rule.description,
					request_id: expect.stringMatching(/^TID[0-9a-f]{32}$/),
				});
		} else {
			expect(answer.status).toBe(200);
			const documented = documentedAnswers(op).statuses;
			if (status !== 'OK' && status in documented && !(op.kind === 'faceAdd' && status === 'FACE_DETECT_FAILED'))
				expect(answer.body.message).toEqual(documented[status]);
		}
		const judged =
			status === 'OK' && op.verdicts
				? op.verdicts.values[op.verdicts.of(op.vendor === 'accuauth' ? answer.body.results : answer.body.message)]
				: rule;
		expect(judged).toBeDefined();
		expectAccounted(op, status, judged);
	});
});

describe('verdicts of OK answers', () => {
	const judgmentOps = OPERATIONS.filter((op) => op.kind === 'faceCompare' || op.kind === 'idHolding');
	const judgmentCases = judgmentOps.flatMap((op) =>
		Object.entries(op.verdicts?.values ?? {}).map(([verdict, rule]) => [op.id, verdict, op, rule] as const),
	);

	test.each(judgmentCases)('%s: idv:verdict=%s (underscores for spaces)', async (_id, verdict, op, rule) => {
		const answer = await callOperation(emulator, op, image(`idv:verdict=${verdict.replace(/ /g, '_')}`));
		const example = documentedAnswers(op).verdicts[verdict] as { similarity: number };
		expect(answer.body).toEqual({ status: 'OK', message: { similarity: example.similarity, result: verdict } });
		expectAccounted(op, 'OK', rule);
		expect(emulator.accounting().calls[0].verdict).toBe(verdict);
	});

	test('idv:similarity sets the score', async () => {
		const answer = await callOperation(emulator, getOperation('faceCompare'), image('idv:verdict=NOT_SURE idv:similarity=61.25'));
		expect(answer.body.message).toEqual({ similarity: 61.25, result: 'NOT SURE' });
	});

	test('facecompare reads markers from either image (img1 first)', async () => {
		const op = getOperation('faceCompare');
		const answer = await callOperation(emulator, op, makePng(300, 300), {}, makeJpeg(300, 300, { marker: 'idv:verdict=NOT_SAME_PERSON' }));
		expect(answer.body.message.result).toBe('NOT SAME PERSON');
	});

	test.each(OPERATIONS.filter((op) => op.vendor === 'accuauth').map((op) => [op.id, op] as const))(
		'%s: recognized by default, idv:verdict=empty answers no card',
		async (_id, op) => {
			await callOperation(emulator, op, image('idv:status=OK'));
			expectAccounted(op, 'OK', op.verdicts!.values.recognized);
			const empty = await callOperation(emulator, op, image('idv:verdict=empty'));
			expect(empty.body.results).toEqual([]);
			expectAccounted(op, 'OK', op.verdicts!.values.empty);
		},
	);

	test('an undocumented verdict is answered as asked, and accounted as failed', async () => {
		const op = getOperation('faceCompare');
		const answer = await callOperation(emulator, op, image('idv:verdict=MAYBE'));
		expect(answer.body.message.result).toBe('MAYBE');
		expect(emulator.accounting().calls[0]).toMatchObject({ outcome: 'failed', verdict: 'MAYBE' });
	});
});

describe('message overrides', () => {
	test.each(
		OPERATIONS.flatMap((op) =>
			Object.entries(op.messageOverrides ?? {}).flatMap(([status, byMessage]) =>
				Object.entries(byMessage).map(([message, rule]) => [op.id, status, message, op, rule] as const),
			),
		),
	)('%s %s with message %s', async (_id, status, message, op, rule) => {
		const answer = await callOperation(emulator, op, image(`idv:status=${status} ${encodeMessageMarker(message)}`));
		expect(answer.body).toEqual({ status, message });
		expectAccounted(op, status, rule);
	});
});

describe('idv:message replaces the payload', () => {
	test('AI Solution: the whole message', async () => {
		const op = getOperation('deIdCard');
		const message = { ...(op.sample as object), DateOfExpiry: '01.01.2020' };
		const answer = await callOperation(emulator, op, image(encodeMessageMarker(message)));
		expect(answer.body).toEqual({ status: 'OK', message });
	});

	test('AccuAuth: an object replaces results[0], an array replaces results', async () => {
		const op = getOperation('idKtpAccuauth');
		const one = { ...(op.sample as object), id_number: '1234' };
		expect((await callOperation(emulator, op, image(encodeMessageMarker(one)))).body.results).toEqual([one]);
		expect((await callOperation(emulator, op, image(encodeMessageMarker([one, one])))).body.results).toEqual([one, one]);
	});

	test('AccuAuth error: the reason', async () => {
		const answer = await callOperation(
			emulator,
			getOperation('ecIdCard'),
			image(`idv:status=DETECTION_FAILED ${encodeMessageMarker('no card in the image')}`),
		);
		expect(answer).toMatchObject({ status: 400, body: { status: 'DETECTION_FAILED', reason: 'no card in the image' } });
	});

	test('a message marker that is not base64url JSON is a loud emulator error', async () => {
		const answer = await callOperation(emulator, getOperation('deIdCard'), image('idv:message=!!!'));
		expect(answer).toMatchObject({ status: 400, body: { status: 'EMULATOR_MARKER_ERROR' } });
	});
});

describe('markers in different files', () => {
	test('a JPEG comment carries markers', async () => {
		const answer = await callOperation(emulator, getOperation('nlIdCard'), makeJpeg(400, 300, { marker: 'idv:status=FAIL' }));
		expect(answer.body.status).toBe('FAIL');
	});

	test('random padding after the marker does not change it', async () => {
		for (let i = 0; i < 20; i++) {
			const answer = await callOperation(
				emulator,
				getOperation('noIdCard'),
				makePng(400, 300, { marker: 'idv:status=FAIL', padToBytes: 2048 }),
			);
			expect(answer.body.status).toBe('FAIL');
		}
	});

	test('unknown marker keys are labels, ignored', async () => {
		expect((await callOperation(emulator, getOperation('seIdCard'), image('idv:face=alice idv:status=OK'))).body.status).toBe('OK');
	});

	test('an undocumented status is answered as asked, accounted failed and free', async () => {
		const answer = await callOperation(emulator, getOperation('seIdCard'), image('idv:status=SOMETHING_NEW'));
		expect(answer.body.status).toBe('SOMETHING_NEW');
		expect(emulator.accounting().calls[0]).toMatchObject({ outcome: 'failed', charged: false });
	});
});
