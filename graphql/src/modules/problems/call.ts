import type { CallResult, Charged } from '../../../../core';
import { enumValueName } from '../../schema/names';
import type { CallInfo, Charge, Vendor } from '../../schema/types.generated';

/** The core's three-valued charge as the Charge enum: a lost answer is UNKNOWN, never "not charged". */
export function chargeOf(charged: Charged): Charge {
	if (charged === 'unknown') return 'UNKNOWN';
	return charged ? 'CHARGED' : 'NOT_CHARGED';
}

/** How one vendor call went: cost, attempts, the vendor's status. Never an input or a secret. */
export function callInfo(result: CallResult): CallInfo {
	return {
		operation: result.operationId,
		vendor: enumValueName(result.vendor) as Vendor,
		verdict: result.verdict,
		vendorStatus: result.status,
		httpStatus: result.httpStatus,
		charged: chargeOf(result.charged),
		reused: result.reused,
		attempts: result.attempts,
		requestId: result.requestId,
	};
}
