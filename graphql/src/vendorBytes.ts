import type { CallInput } from '../../core';

/**
 * Vendor calls in flight share a budget of encoded bytes: a call waits until its encoded images fit. Memory is
 * bounded by what calls carry, not by how many there are, so small images are not throttled when the vendor is
 * slow. A call larger than the whole budget still runs, alone; waiting calls start in arrival order.
 */
export class VendorBytes {
	private inFlight = 0;
	private readonly waiting: { bytes: number; start: () => void }[] = [];

	constructor(readonly budgetBytes: number) {
		if (!(budgetBytes >= 1)) throw new RangeError(`the vendor byte budget must be at least 1 byte, got ${budgetBytes}`);
	}

	/** Bytes in flight now (for tests and metrics). */
	get used(): number {
		return this.inFlight;
	}

	async run<T>(bytes: number, task: () => Promise<T>): Promise<T> {
		if (this.waiting.length === 0 && this.fits(bytes)) this.inFlight += bytes;
		else await new Promise<void>((start) => this.waiting.push({ bytes, start }));
		try {
			return await task();
		} finally {
			this.inFlight -= bytes;
			this.admit();
		}
	}

	private fits(bytes: number): boolean {
		return this.inFlight === 0 || this.inFlight + bytes <= this.budgetBytes;
	}

	private admit(): void {
		while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
			const next = this.waiting.shift()!;
			this.inFlight += next.bytes;
			next.start();
		}
	}
}

/** What a call's inputs weigh once encoded for the vendor: images travel as base64 (4 bytes per 3). */
export function encodedBytes(input: CallInput): number {
	let bytes = 0;
	for (const value of Object.values(input)) {
		if (value instanceof Uint8Array) bytes += Math.ceil(value.length / 3) * 4;
		else if (value && typeof value === 'object' && 'base64' in value && typeof value.base64 === 'string') bytes += value.base64.length;
		else if (value !== undefined && value !== null) bytes += String(value).length;
	}
	return bytes;
}
