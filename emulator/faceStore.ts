import { createHash } from 'node:crypto';

/**
 * The account's face store (one per token). A "face" is the image content: the same bytes are the same
 * person, which is all a deterministic sandbox can know about faces.
 */

interface Person {
	personId: string;
	contentHash: string;
	count: number;
}

interface Group {
	groupId: string;
	byHash: Map<string, Person>;
	byId: Map<string, Person>;
}

export interface AddedFace {
	group_id: string;
	person_id: string;
	person_count: number;
}

/** Lower-case letters and digits, like the docs' ids ("LxiKPLIMGFpXzXas", "c5r7jedkujdbnasarhn0"). */
const id = (seed: string, length: number, alphabet: string) => {
	const digest = createHash('sha256').update(seed).digest();
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[digest[i] % alphabet.length];
	return out;
};
const LETTERS_AND_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_CASE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class FaceStore {
	private groups = new Map<string, Group>();

	/** The docs: group_id "is the add user group, actually it's your access key"; we derive it, never echo the token. */
	groupId(token: string): string {
		return this.group(token).groupId;
	}

	add(token: string, contentHash: string): AddedFace {
		const group = this.group(token);
		let person = group.byHash.get(contentHash);
		if (!person) {
			person = { personId: id(`${group.groupId}:${contentHash}`, 20, LETTERS_AND_DIGITS), contentHash, count: 0 };
			group.byHash.set(contentHash, person);
			group.byId.set(person.personId, person);
		}
		person.count++;
		return { group_id: group.groupId, person_id: person.personId, person_count: person.count };
	}

	search(token: string, contentHash: string): { confidence: number; person_id: string }[] {
		const person = this.group(token).byHash.get(contentHash);
		return person ? [{ confidence: 100, person_id: person.personId }] : [];
	}

	/** Deterministic id the face would get; for FACE_DETECT_FAILED answers, which carry one. */
	personIdFor(token: string, contentHash: string): string {
		const group = this.group(token);
		return group.byHash.get(contentHash)?.personId ?? id(`${group.groupId}:${contentHash}`, 20, LETTERS_AND_DIGITS);
	}

	delete(token: string, personId: string): boolean {
		const group = this.group(token);
		const person = group.byId.get(personId);
		if (!person) return false;
		group.byId.delete(personId);
		group.byHash.delete(person.contentHash);
		return true;
	}

	clear(): void {
		this.groups.clear();
	}

	private group(token: string): Group {
		let group = this.groups.get(token);
		if (!group) {
			group = { groupId: id(`group:${token}`, 16, MIXED_CASE), byHash: new Map(), byId: new Map() };
			this.groups.set(token, group);
		}
		return group;
	}
}
