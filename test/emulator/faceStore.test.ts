import { getOperation } from '../../core/catalog';
import { startEmulator, type Emulator } from '../../emulator';
import { makePng } from '../support/images';
import { aiSolutionUrl, callOperation, postForm } from './support';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const add = (face: Buffer) => callOperation(emulator, getOperation('faceAdd'), face);
const search = (face: Buffer) => callOperation(emulator, getOperation('faceSearch'), face);
const remove = (personId: string) => callOperation(emulator, getOperation('faceDelete'), null, { person_id: personId });
const alice = () => makePng(300, 300, { marker: 'idv:face=alice' });
const bob = () => makePng(300, 300, { marker: 'idv:face=bob' });

describe('addface', () => {
	test('person_count counts the faces added with the same image content', async () => {
		const first = await add(alice());
		const second = await add(alice());
		const other = await add(bob());
		expect(first.body.message.person_count).toBe(1);
		expect(second.body.message).toEqual({ ...first.body.message, person_count: 2 });
		expect(other.body.message.person_id).not.toBe(first.body.message.person_id);
		expect(other.body.message.person_count).toBe(1);
	});

	test('ids look like the docs: a 16-letter group id and a 20-character person id; the token is not echoed', async () => {
		const { message } = (await add(alice())).body;
		expect(message.group_id).toMatch(/^[A-Za-z]{16}$/);
		expect(message.person_id).toMatch(/^[a-z0-9]{20}$/);
		expect(JSON.stringify(message)).not.toContain(emulator.credentials.token);
	});

	test('is free', async () => {
		await add(alice());
		expect(emulator.accounting().calls[0]).toMatchObject({ status: 'OK', outcome: 'success', charged: false });
	});

	test('idv:status=FACE_DETECT_FAILED answers the documented shape with person_count 0, and stores nothing', async () => {
		const face = makePng(300, 300, { marker: 'idv:status=FACE_DETECT_FAILED' });
		const answer = await add(face);
		expect(answer.body).toEqual({
			status: 'FACE_DETECT_FAILED',
			message: { group_id: expect.any(String), person_id: expect.any(String), person_count: 0 },
		});
		expect((await search(face)).body.message).toEqual([]);
	});
});

describe('searchface', () => {
	test('finds a stored face by its content: [{confidence: 100, person_id}]', async () => {
		const added = await add(alice());
		await add(bob());
		const answer = await search(alice());
		expect(answer.body).toEqual({ status: 'OK', message: [{ confidence: 100, person_id: added.body.message.person_id }] });
	});

	test('an unknown face is OK with an empty list, and still billed', async () => {
		await add(alice());
		const answer = await search(bob());
		expect(answer.body).toEqual({ status: 'OK', message: [] });
		expect(emulator.accounting().calls[1]).toMatchObject({ verdict: 'none', outcome: 'negative', charged: true });
	});

	test('idv:status=FACE_DETECT_FAILED answers an empty list', async () => {
		expect((await search(makePng(300, 300, { marker: 'idv:status=FACE_DETECT_FAILED' }))).body).toEqual({
			status: 'FACE_DETECT_FAILED',
			message: [],
		});
	});
});

describe('delface', () => {
	test('deletes the person: OK, then PERSON_ID_NOT_EXIST, and search no longer finds the face', async () => {
		const { person_id } = (await add(alice())).body.message;
		expect((await remove(person_id)).body).toEqual({ status: 'OK', message: null });
		expect((await remove(person_id)).body).toEqual({ status: 'PERSON_ID_NOT_EXIST', message: null });
		expect((await search(alice())).body.message).toEqual([]);
	});

	test('adding the face again after a delete starts the count anew', async () => {
		const { person_id } = (await add(alice())).body.message;
		await remove(person_id);
		expect((await add(alice())).body.message.person_count).toBe(1);
	});

	test('is free', async () => {
		await remove('nobody');
		expect(emulator.accounting().calls[0]).toMatchObject({ status: 'PERSON_ID_NOT_EXIST', outcome: 'negative', charged: false });
	});
});

test('reset() empties the face store', async () => {
	await add(alice());
	emulator.reset();
	expect((await search(alice())).body.message).toEqual([]);
});

test('the face store belongs to the token: a request with another token is refused before it', async () => {
	await add(alice());
	const answer = await postForm(aiSolutionUrl(emulator, 'searchface', 'someone-else'), { img: alice() });
	expect(answer.status).toBe(401);
});
