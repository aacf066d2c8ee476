/** ID-number validators, one module per identifier, all with the same shape (python-stdnum style). */
export type { IdDerived, IdError, IdValidation, IdentifierModule, ValidateOptions } from './result';
export * as nik from './ids/nik';
export * as aadhaar from './ids/aadhaar';
export * as aadhaarVid from './ids/aadhaarVid';
export * as pan from './ids/pan';
export * as thaiPin from './ids/thaiPin';
export * as thaiLicence from './ids/thaiLicence';
export * as curp from './ids/curp';
export * as ineClave from './ids/ineClave';
export * as colombiaCedula from './ids/colombiaCedula';
export * as ecuadorCedula from './ids/ecuadorCedula';
export * as germanIdCard from './ids/germanIdCard';
export * as germanLicence from './ids/germanLicence';
export * as dutchDocument from './ids/dutchDocument';
export * as norwayFnr from './ids/norwayFnr';
export * as norwayIdDocument from './ids/norwayIdDocument';
export * as swedishPersonnummer from './ids/swedishPersonnummer';
