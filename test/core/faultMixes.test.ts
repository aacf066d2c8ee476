import { FAULT_MIXES, runFaultMix } from '../../bench/faultMixes';
import { startSandbox, type Sandbox } from '../support/sandbox';

/** 300 items per fault mix through the core client: one outcome each, nothing paid twice unless the user opted in. */

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.emulator.close());

const ITEMS = 300;

describe.each(FAULT_MIXES.map((mix) => [mix.name, mix] as const))('%s', (_name, mix) => {
	it(`${ITEMS} items: each in exactly one outcome, every lost answer charged "unknown"`, async () => {
		const row = await runFaultMix(sandbox.emulator, mix, ITEMS);
		const { success, negative, rejectedInput, failed } = row.outcomes;
		expect(row.unaccounted).toBe(0);
		expect(success + negative + rejectedInput + failed).toBe(ITEMS);
		expect(row.lostNotUnknown).toBe(0);
		// Every item that did not succeed lost its answer, or was refused for free after its attempts.
		expect(row.lost).toBeGreaterThan(0);
		if (mix.resendLostAnswers) {
			// Opting in may pay twice: the accounting shows it.
			expect(row.duplicateCharged).toBeGreaterThan(0);
		} else {
			expect(row.duplicateCharged).toBe(0);
			expect(row.charged).toBeLessThanOrEqual(ITEMS);
		}
	}, 120_000);
});
