import type { Operation } from '../catalog/types';
import { deIdCard } from './deIdCard/entry';
import { nlIdCard } from './nlIdCard/entry';
import { noIdCard } from './noIdCard/entry';
import { seIdCard } from './seIdCard/entry';
import { inAadhaarFront } from './inAadhaarFront/entry';
import { inAadhaarBack } from './inAadhaarBack/entry';
import { inPan } from './inPan/entry';
import { idKtp } from './idKtp/entry';
import { thIdCard } from './thIdCard/entry';
import { mxVoterCard } from './mxVoterCard/entry';
import { coIdCardFront } from './coIdCardFront/entry';
import { coIdCardBack } from './coIdCardBack/entry';
import { deDrivingLicence } from './deDrivingLicence/entry';
import { thDrivingLicence } from './thDrivingLicence/entry';
import { faceCompare } from './faceCompare/entry';
import { idHolding } from './idHolding/entry';
import { faceAdd } from './faceAdd/entry';
import { faceSearch } from './faceSearch/entry';
import { faceDelete } from './faceDelete/entry';
import { whatsappCheck } from './whatsappCheck/entry';
import { idKtpAccuauth } from './idKtpAccuauth/entry';
import { ecIdCard } from './ecIdCard/entry';

/**
 * The 22 vendor operations, in the order of the vendors' docs: the only list of them. Each folder holds an
 * operation's catalog entry (entry.ts) and, for a document, its normalizer (normalize.ts); the normalizers, the
 * documented answers, the emulator's routes, the n8n dropdowns, the GraphQL schema and the docs table are made
 * from this list.
 */
export const OPERATIONS: readonly Operation[] = [
	deIdCard,
	nlIdCard,
	noIdCard,
	seIdCard,
	inAadhaarFront,
	inAadhaarBack,
	inPan,
	idKtp,
	thIdCard,
	mxVoterCard,
	coIdCardFront,
	coIdCardBack,
	deDrivingLicence,
	thDrivingLicence,
	faceCompare,
	idHolding,
	faceAdd,
	faceSearch,
	faceDelete,
	whatsappCheck,
	idKtpAccuauth,
	ecIdCard,
];
