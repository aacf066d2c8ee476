import type { Operation } from '../../../core/catalog/types';
import type { Scope } from '../../../core';
import type { PrivacyOptions, RunOptions } from '../../shared/options';

/** The node's outputs, in order. Version 1 also has Failed; from version 2 failures follow n8n's On Error setting. */
export const OCR_BRANCHES = ['Recognized', 'Needs review', 'Not recognized', 'Rejected input', 'Failed'] as const;
export const OCR_BRANCH = { recognized: 0, needsReview: 1, notRecognized: 2, rejectedInput: 3, failed: 4 } as const;

/** The outputs for the node's version, evaluated by n8n (1.x and 2.x) from the node itself. */
export const ocrOutputs =
	`={{(${JSON.stringify(OCR_BRANCHES)}).slice(0, $nodeVersion >= 2 ? ${OCR_BRANCH.failed} : ${OCR_BRANCHES.length}).map((name) => ({ type: "main", displayName: name }))}}` as const;

/** What one run shares between its items. */
export interface OcrRun {
	runOptions: RunOptions;
	privacy: PrivacyOptions;
	minimumAge: number;
	plans: Array<{ op: Operation } | { error: Error }>;
	scope: Scope | null;
}
