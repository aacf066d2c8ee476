import type { CallResult } from '../../../core';
import { enumValueName } from '../schema/names';
import type { CallInfo, Vendor } from '../schema/types.generated';

/** How one vendor call went: cost, attempts, the vendor's status. Never an input or a secret. */
export function callInfo(result: CallResult): CallInfo {
	return {
		operation: result.operationId,
		vendor: enumValueName(result.vendor) as Vendor,
		verdict: result.verdict,
		vendorStatus: result.status,
		httpStatus: result.httpStatus,
		// Until the schema has a three-valued charge: a lost answer may have been billed, so it reads as charged.
		charged: result.charged !== false,
		reused: result.reused,
		attempts: result.attempts,
		requestId: result.requestId,
	};
}
