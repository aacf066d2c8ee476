import { encodedBytes, VendorBytes } from '../../graphql/src/vendorBytes';

/** Vendor calls are limited by the encoded bytes they carry, not by their number. */

async function peakConcurrency(budget: VendorBytes, sizes: number[], holdMs: number) {
	let running = 0;
	let peak = 0;
	await Promise.all(
		sizes.map((bytes) =>
			budget.run(bytes, async () => {
				running++;
				peak = Math.max(peak, running);
				await new Promise((resolve) => setTimeout(resolve, holdMs));
				running--;
			}),
		),
	);
	return peak;
}

it('small calls all run at once however slow the vendor is', async () => {
	const budget = new VendorBytes(48 * 1024 * 1024);
	expect(await peakConcurrency(budget, Array(300).fill(40_000), 50)).toBe(300);
	expect(budget.used).toBe(0);
});

it('large calls wait for room; one larger than the budget runs alone', async () => {
	const budget = new VendorBytes(1_000_000);
	expect(await peakConcurrency(budget, [600_000, 600_000, 600_000], 20)).toBe(1);
	expect(await peakConcurrency(budget, [400_000, 400_000, 400_000, 400_000], 20)).toBe(2);
	expect(await peakConcurrency(budget, [5_000_000, 10], 20)).toBe(1);
	expect(budget.used).toBe(0);
});

it('a failing call gives its bytes back', async () => {
	const budget = new VendorBytes(100);
	await expect(budget.run(80, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
	expect(budget.used).toBe(0);
});

it('weighs images as the vendor receives them: base64', () => {
	expect(encodedBytes({ img: new Uint8Array(3000) })).toBe(4000);
	expect(encodedBytes({ img: { base64: 'QUJD' }, detect_face: '1' })).toBe(5);
	expect(() => new VendorBytes(0)).toThrow(/at least 1 byte, got 0/);
});
