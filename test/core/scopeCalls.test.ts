import { ScopeCalls } from '../../core/client/dedupe';
import { PreparedImage } from '../../core/client/preparedImage';

/** A scope finds identical calls again, and hashes images only when two calls could be the same. */

const image = (size: number, fill: number) => PreparedImage.fromBytes(new Uint8Array(size).fill(fill));

describe('ScopeCalls', () => {
	it('hashes nothing while no two calls share operation, text inputs and image sizes', () => {
		const calls = new ScopeCalls<string>();
		const first = calls.find('deIdCard', { img: image(100, 1) });
		expect(first.earlier).toBeUndefined();
		expect(first.entry.key).toBeUndefined();
		calls.add(first.entry, 'first');
		for (const [op, inputs] of [
			['deIdCard', { img: image(101, 1) }],
			['nlIdCard', { img: image(100, 1) }],
			['faceSearch', { img: image(100, 1), group_id: 'a' }],
			['faceSearch', { img: image(100, 1), group_id: 'b' }],
		] as const) {
			const found = calls.find(op, inputs);
			expect(found.earlier).toBeUndefined();
			expect(found.entry.key).toBeUndefined();
			calls.add(found.entry, op);
		}
		expect(first.entry.key).toBeUndefined();
	});

	it('tells same-size images apart by their hash, and finds the identical one', () => {
		const calls = new ScopeCalls<string>();
		const first = calls.find('deIdCard', { img: image(100, 1) });
		calls.add(first.entry, 'first');
		const other = calls.find('deIdCard', { img: image(100, 2) });
		expect(other.earlier).toBeUndefined();
		expect(first.entry.key).toBeDefined();
		expect(other.entry.key).toBeDefined();
		calls.add(other.entry, 'other');
		expect(calls.find('deIdCard', { img: image(100, 1) }).earlier).toBe('first');
		expect(calls.find('deIdCard', { img: image(100, 2) }).earlier).toBe('other');
	});

	it('forgets a call whether or not it was hashed meanwhile', () => {
		const calls = new ScopeCalls<string>();
		const lone = calls.find('deIdCard', { img: image(50, 1) });
		calls.add(lone.entry, 'lone');
		calls.remove(lone.entry, 'lone');
		expect(calls.find('deIdCard', { img: image(50, 1) }).earlier).toBeUndefined();

		const calls2 = new ScopeCalls<string>();
		const first = calls2.find('deIdCard', { img: image(50, 1) });
		calls2.add(first.entry, 'first');
		// A same-size call arrives while the first is in flight: the first is hashed, then removed.
		calls2.find('deIdCard', { img: image(50, 9) });
		calls2.remove(first.entry, 'first');
		expect(calls2.find('deIdCard', { img: image(50, 1) }).earlier).toBeUndefined();
	});

	it('does not forget a newer call with the same inputs', () => {
		const calls = new ScopeCalls<string>();
		const old = calls.find('deIdCard', { img: image(50, 1) });
		calls.add(old.entry, 'old');
		calls.remove(old.entry, 'old');
		const newer = calls.find('deIdCard', { img: image(50, 1) });
		calls.add(newer.entry, 'newer');
		calls.remove(old.entry, 'old');
		expect(calls.find('deIdCard', { img: image(50, 1) }).earlier).toBe('newer');
	});

	it('holds at most keepUnhashed images for later: older calls are hashed as new ones come', () => {
		const calls = new ScopeCalls<number>(false, 3);
		const entries = [1, 2, 3, 4, 5].map((n) => {
			const { entry } = calls.find('deIdCard', { img: image(n, n) });
			calls.add(entry, n);
			return entry;
		});
		expect(entries.map((entry) => entry.key !== undefined)).toEqual([true, true, false, false, false]);
		expect(calls.find('deIdCard', { img: image(1, 1) }).earlier).toBe(1);
	});

	it('hashes every call when asked (a cache across scopes needs every key)', () => {
		const calls = new ScopeCalls<string>(true);
		expect(calls.find('deIdCard', { img: image(10, 1) }).entry.key).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('ScopeCalls and the form an image arrived in', () => {
	it('finds the same image again whether it came as bytes or as base64 text', () => {
		const bytes = new Uint8Array(300).fill(7);
		const calls = new ScopeCalls<string>();
		const first = calls.find('deIdCard', { img: PreparedImage.fromBytes(bytes) });
		calls.add(first.entry, 'first');
		const again = calls.find('deIdCard', { img: PreparedImage.fromBase64(Buffer.from(bytes).toString('base64'), bytes.length) });
		expect(again.earlier).toBe('first');
	});
});
