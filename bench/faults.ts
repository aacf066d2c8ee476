import { startEmulatorProcess } from './emulatorProcess';
import { CLIENT_TIMEOUT_MS, FAULT_MIXES, MIX_TABLE_HEADER, mixTableRow, runFaultMix } from './faultMixes';

const ITEMS = 1000;

/** The fault table: 1,000 items per mix through the core client, the emulator in its own process. */
export async function benchFaultMixes(out: (line: string) => void): Promise<void> {
	const emulator = await startEmulatorProcess();
	try {
		out(
			`setup: ${ITEMS} distinct images per mix → core client (deIdCard, concurrency 20, timeout ${CLIENT_TIMEOUT_MS} ms, defaults otherwise)`,
		);
		out('  faults are seeded and drawn per request; lost answers are held past the client timeout; resend option off unless named');
		out('');
		out(MIX_TABLE_HEADER);
		out('|---|---|---|---|---|---|---|---|---|---|---|');
		let met = true;
		for (const mix of FAULT_MIXES) {
			const row = await runFaultMix(emulator, mix, ITEMS);
			out(mixTableRow(row));
			const onePerItem = row.unaccounted === 0 && Object.values(row.outcomes).reduce((a, b) => a + b, 0) === ITEMS;
			if (!onePerItem || row.lostNotUnknown > 0 || (!mix.resendLostAnswers && row.duplicateCharged > 0)) met = false;
		}
		out('');
		out(
			`goal (every item one outcome, none lost, zero duplicate charged calls without the resend option, lost answers "unknown"): ${met ? 'MET' : 'MISSED'}`,
		);
	} finally {
		await emulator.close();
	}
}
