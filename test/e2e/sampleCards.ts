import { createHash } from 'node:crypto';
import { makePng } from '../support/images';

/**
 * German ID card photos for the sandbox: tiny PNGs whose `idv:` text tells the emulator what the card says.
 * A label makes each image's bytes (and so its hash at the emulator) unique.
 */

const ANNA = {
	CardNumber: 'T22000129',
	Surname: 'SCHMIDT',
	GivenNames: 'ANNA',
	DateOfBirth: '12.08.1983',
	PlaceOfBirth: 'BERLIN',
	DateOfExpiry: '01.08.2031',
	Nationality: 'DEUTSCH',
};

const message = (fields: Record<string, string>) => Buffer.from(JSON.stringify(fields)).toString('base64url');

export const cardPhoto = {
	/** Read, every check passes: Recognized. */
	valid: (label: string) =>
		makePng(128, 128, { marker: `idv:status=OK idv:message=${message(ANNA)} idv:face=${label}`, deterministic: true }),
	/** Read, but it expired in 2019: Needs review. */
	expired: (label: string) =>
		makePng(128, 128, {
			marker: `idv:status=OK idv:message=${message({ ...ANNA, DateOfExpiry: '01.03.2019' })} idv:face=${label}`,
			deterministic: true,
		}),
	/** The vendor could not read it (FAIL, free): Not recognized. */
	unreadable: (label: string) => makePng(128, 128, { marker: `idv:status=FAIL idv:face=${label}`, deterministic: true }),
};

export const ANNA_CARD = { documentNumber: ANNA.CardNumber, lastName: ANNA.Surname, firstName: ANNA.GivenNames };

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
