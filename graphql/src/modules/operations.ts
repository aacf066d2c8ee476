import { getOperation } from '../../../core';

/** The operations behind the fixed root fields. */
export const OPS = {
	faceCompare: getOperation('faceCompare'),
	idHolding: getOperation('idHolding'),
	faceSearch: getOperation('faceSearch'),
	faceAdd: getOperation('faceAdd'),
	faceDelete: getOperation('faceDelete'),
	whatsappCheck: getOperation('whatsappCheck'),
};
