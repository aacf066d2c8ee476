import { OPERATIONS } from '../core/catalog';
import type { Operation } from '../core/catalog/types';

/**
 * The emulator's routes, all from the catalog:
 *   POST /aisolution/v1/<path>
 *   POST /accuauth/<vendorCountry>/<path>
 * Several operations may share a path (the Thai ID card and driving licence): the first in catalog order
 * answers unless the image's `idv:card=` marker picks another.
 */
export interface Routes {
	aisolution: Map<string, Operation[]>;
	/** vendorCountry → path → operations. */
	accuauth: Map<string, Map<string, Operation[]>>;
}

export const AISOLUTION_PREFIX = '/aisolution/v1/';
export const ACCUAUTH_PREFIX = '/accuauth/';

export function buildRoutes(operations: readonly Operation[] = OPERATIONS): Routes {
	const routes: Routes = { aisolution: new Map(), accuauth: new Map() };
	for (const op of operations) {
		if (op.vendor === 'aisolution') {
			add(routes.aisolution, op.path, op);
		} else {
			if (!op.vendorCountry) throw new Error(`AccuAuth operation ${op.id} has no vendorCountry`);
			let country = routes.accuauth.get(op.vendorCountry);
			if (!country) routes.accuauth.set(op.vendorCountry, (country = new Map()));
			add(country, op.path, op);
		}
	}
	return routes;
}

function add(map: Map<string, Operation[]>, path: string, op: Operation): void {
	const list = map.get(path);
	if (list) list.push(op);
	else map.set(path, [op]);
}

/** `idv:card=` takes an operation id, a document type (DRIVING_LICENSE, ID_CARD …) or `licence` / `license`. */
export function pickOperation(candidates: readonly Operation[], card: string | undefined): Operation {
	if (!card || candidates.length === 1) return candidates[0];
	const wanted = card.toLowerCase();
	const documentType = wanted === 'licence' || wanted === 'license' ? 'driving_license' : wanted;
	return (
		candidates.find((op) => op.id.toLowerCase() === wanted) ??
		candidates.find((op) => op.document?.documentType.toLowerCase() === documentType) ??
		candidates[0]
	);
}
