import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Executions as n8n stored them in its SQLite database. Reading them back is more reliable than parsing
 * `n8n execute --rawOutput` (interleaved with log lines) or trusting its exit code (2.41.1 sometimes
 * segfaults on exit after saving the execution).
 */

export interface StoredItem {
	json: Record<string, unknown>;
	binary?: Record<string, { mimeType?: string; fileName?: string; id?: string; data?: string }>;
	pairedItem?: { item: number } | Array<{ item: number }>;
	error?: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<StoredItem[] | null> };
}

export interface StoredExecution {
	id: number;
	workflowId: string;
	status: string;
	finished: boolean;
	mode: string;
	/** Node name → its runs (one run per node here). */
	runData: Record<string, NodeRun[]>;
	/** The workflow's error, when it stopped on one. */
	error?: { message?: string; description?: string; node?: { name?: string } };
	lastNodeExecuted?: string;
}

export interface ExecutionRow {
	id: number;
	workflowId: string;
	status: string;
	finished: number;
	mode: string;
	data: string | null;
}

/** Executions of a workflow newer than `afterId`, oldest first. */
export function readExecutions(databaseFile: string, n8nDir: string, workflowId: string, afterId = 0): StoredExecution[] {
	const db = new DatabaseSync(databaseFile, { readOnly: true });
	try {
		const rows = db
			.prepare(
				`SELECT e.id, e.workflowId, e.status, e.finished, e.mode, d.data FROM execution_entity e
				 JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? AND e.id > ? ORDER BY e.id`,
			)
			.all(workflowId, afterId) as unknown as ExecutionRow[];
		return rows.map((row) => parseExecution(row, n8nDir));
	} finally {
		db.close();
	}
}

/** One stored execution row, its data decoded. */
export function parseExecution(row: ExecutionRow, n8nDir: string): StoredExecution {
	// n8n stores execution data with `flatted` (JSON that keeps shared references); use n8n's own copy.
	const flatted = createRequire(join(n8nDir, 'package.json'))('flatted') as { parse(text: string): unknown };
	// A running execution may not have its data yet.
	const data = ((row.data ? flatted.parse(row.data) : null) ?? {}) as {
		resultData?: { runData?: Record<string, NodeRun[]>; error?: StoredExecution['error']; lastNodeExecuted?: string };
	};
	return {
		id: Number(row.id),
		workflowId: row.workflowId,
		status: row.status,
		finished: Number(row.finished) === 1,
		mode: row.mode,
		runData: data.resultData?.runData ?? {},
		error: data.resultData?.error,
		lastNodeExecuted: data.resultData?.lastNodeExecuted,
	};
}

/** The highest execution id so far (0 before the first), to tell a new execution from older ones. */
export function lastExecutionId(databaseFile: string): number {
	const db = new DatabaseSync(databaseFile, { readOnly: true });
	try {
		const row = db.prepare('SELECT MAX(id) AS id FROM execution_entity').get() as { id: number | null } | undefined;
		return row?.id ?? 0;
	} finally {
		db.close();
	}
}

/** The items a node put on one of its outputs (0 = the first), in order; [] when that output got none. */
export function outputItems(execution: StoredExecution, nodeName: string, output: number): StoredItem[] {
	const runs = execution.runData[nodeName];
	if (!runs?.length) return [];
	return runs.flatMap((run) => run.data?.main?.[output] ?? []);
}

/** The items that reached a node (its first output, for the one-output nodes the examples end in). */
export function itemsOf(execution: StoredExecution, nodeName: string): StoredItem[] {
	return outputItems(execution, nodeName, 0);
}
