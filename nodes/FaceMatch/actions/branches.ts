import type { FaceVerdict } from '../../../core';

/** The node's outputs, in order. Version 1 also has Failed; from version 2 failures follow n8n's On Error setting. */
export const FACE_BRANCHES = ['Same person', 'Not same person', 'Not sure', 'Failed'] as const;
export const FACE_BRANCH: Record<FaceVerdict | 'failed', number> = { samePerson: 0, notSamePerson: 1, notSure: 2, failed: 3 };

export const faceMatchOutputs =
	`={{(${JSON.stringify(FACE_BRANCHES)}).slice(0, $nodeVersion >= 2 ? ${FACE_BRANCH.failed} : ${FACE_BRANCHES.length}).map((name) => ({ type: "main", displayName: name }))}}` as const;
