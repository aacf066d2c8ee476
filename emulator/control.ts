import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './body';
import { validateFaults } from './faults';
import type { EmulatorServer } from './server';
import { jsonAnswer, send } from './wire';

export const CONTROL_PREFIX = '/__emulator/';

const ROUTES = 'GET accounting, GET faults, POST faults, GET readings, POST readings, POST reset, GET health';

/** The control API, for tests and benchmarks in another process: GET/POST faults and readings, accounting, reset. */
export async function answerControl(emulator: EmulatorServer, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
	const route = `${req.method} ${action}`;
	const reply = (status: number, body: unknown) => send(res, jsonAnswer(status, body));
	if (route === 'GET accounting') return reply(200, emulator.ledger.snapshot());
	if (route === 'GET faults') return reply(200, emulator.faults.current());
	if (route === 'GET readings') return reply(200, emulator.readings);
	if (route === 'GET health') return reply(200, { ok: true });
	if (route === 'POST reset') {
		await readBody(req);
		emulator.reset();
		return reply(200, { ok: true });
	}
	if (route === 'POST faults' || route === 'POST readings') {
		const body = await readBody(req, 64 * 1024);
		try {
			const value: unknown = JSON.parse(body.bytes.toString('utf8') || '{}');
			if (route === 'POST faults') emulator.faults.set(validateFaults(value));
			else emulator.setReadings(value);
		} catch (error) {
			return reply(400, { error: error instanceof Error ? error.message : String(error) });
		}
		return reply(200, route === 'POST faults' ? emulator.faults.current() : emulator.readings);
	}
	reply(404, { error: `unknown control route ${route}; known: ${ROUTES}` });
}
