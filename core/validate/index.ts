/** ID-number validators, one module per identifier, all with the same shape (python-stdnum style). */
import type { IdentifierModule } from './result';
import * as nik from './ids/nik';
import * as aadhaar from './ids/aadhaar';
import * as aadhaarVid from './ids/aadhaarVid';
import * as pan from './ids/pan';
import * as thaiPin from './ids/thaiPin';
import * as thaiLicence from './ids/thaiLicence';
import * as curp from './ids/curp';
import * as ineClave from './ids/ineClave';
import * as colombiaCedula from './ids/colombiaCedula';
import * as ecuadorCedula from './ids/ecuadorCedula';
import * as germanIdCard from './ids/germanIdCard';
import * as germanLicence from './ids/germanLicence';
import * as dutchDocument from './ids/dutchDocument';
import * as norwayFnr from './ids/norwayFnr';
import * as norwayIdDocument from './ids/norwayIdDocument';
import * as swedishPersonnummer from './ids/swedishPersonnummer';

export type { IdDerived, IdError, IdValidation, IdentifierModule, ValidateOptions } from './result';
export {
	nik,
	aadhaar,
	aadhaarVid,
	pan,
	thaiPin,
	thaiLicence,
	curp,
	ineClave,
	colombiaCedula,
	ecuadorCedula,
	germanIdCard,
	germanLicence,
	dutchDocument,
	norwayFnr,
	norwayIdDocument,
	swedishPersonnummer,
};

/** Every identifier by its module name, for tests and docs that walk them all. */
export const IDENTIFIERS: Record<string, IdentifierModule> = {
	nik,
	aadhaar,
	aadhaarVid,
	pan,
	thaiPin,
	thaiLicence,
	curp,
	ineClave,
	colombiaCedula,
	ecuadorCedula,
	germanIdCard,
	germanLicence,
	dutchDocument,
	norwayFnr,
	norwayIdDocument,
	swedishPersonnummer,
};
