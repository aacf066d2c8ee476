import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { lastExecutionId, parseExecution, readExecutions, type ExecutionRow, type StoredExecution } from './executions';
import type { Postgres } from './queueServices';

/**
 * n8n's database, read directly: SQLite in the default mode, PostgreSQL in queue mode. The tests judge a run by
 * what n8n stored, and read back what it keeps of an execution (personal data, images).
 */
export interface N8nDatabase {
	readonly kind: 'sqlite' | 'postgres';
	/** The highest execution id so far (0 before the first). */
	lastExecutionId(): number;
	/** Executions of a workflow newer than `afterId`, oldest first. */
	executions(workflowId: string, afterId?: number): StoredExecution[];
	workflowIds(): string[];
	/** The execution's data column exactly as stored (n8n's flatted JSON), or null when there is none. */
	rawExecutionData(executionId: number): string | null;
	/** How many binary files n8n keeps in the database (its `database` binary-data mode), by source type. */
	binaryFiles(): Record<string, number>;
}

export class SqliteDatabase implements N8nDatabase {
	readonly kind = 'sqlite';

	constructor(
		readonly file: string,
		private readonly n8nDir: string,
	) {}

	lastExecutionId(): number {
		return existsSync(this.file) ? lastExecutionId(this.file) : 0;
	}

	executions(workflowId: string, afterId = 0): StoredExecution[] {
		return existsSync(this.file) ? readExecutions(this.file, this.n8nDir, workflowId, afterId) : [];
	}

	workflowIds(): string[] {
		return this.rows<{ id: string }>('SELECT id FROM workflow_entity').map((row) => row.id);
	}

	rawExecutionData(executionId: number): string | null {
		return this.rows<{ data: string }>('SELECT data FROM execution_data WHERE executionId = ?', executionId)[0]?.data ?? null;
	}

	binaryFiles(): Record<string, number> {
		return {}; // the default mode keeps binary data in the file system, not in SQLite
	}

	private rows<T>(sql: string, ...params: Array<string | number>): T[] {
		if (!existsSync(this.file)) return [];
		const db = new DatabaseSync(this.file, { readOnly: true });
		try {
			return db.prepare(sql).all(...params) as unknown as T[];
		} finally {
			db.close();
		}
	}
}

export class PostgresDatabase implements N8nDatabase {
	readonly kind = 'postgres';

	constructor(
		private readonly postgres: Postgres,
		private readonly n8nDir: string,
	) {}

	lastExecutionId(): number {
		return Number(this.json<number | null>('SELECT MAX(id) FROM execution_entity') ?? 0);
	}

	executions(workflowId: string, afterId = 0): StoredExecution[] {
		const rows =
			this.json<ExecutionRow[]>(
				`SELECT json_agg(r ORDER BY r.id) FROM (SELECT e.id, e."workflowId", e.status, e.finished::int AS finished, e.mode, d.data
				 FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
				 WHERE e."workflowId" = ${literal(workflowId)} AND e.id > ${Math.trunc(afterId)}) r`,
			) ?? [];
		return rows.map((row) => parseExecution(row, this.n8nDir));
	}

	workflowIds(): string[] {
		return this.json<string[]>('SELECT json_agg(id) FROM workflow_entity') ?? [];
	}

	rawExecutionData(executionId: number): string | null {
		return this.json<string | null>(`SELECT to_json(data) FROM execution_data WHERE "executionId" = ${Math.trunc(executionId)}`);
	}

	binaryFiles(): Record<string, number> {
		return (
			this.json<Record<string, number>>(
				'SELECT json_object_agg("sourceType", n) FROM (SELECT "sourceType", count(*) AS n FROM binary_data GROUP BY 1) t',
			) ?? {}
		);
	}

	/** One JSON value computed by PostgreSQL (psql prints it as text). */
	private json<T>(sql: string): T | null {
		const text = this.postgres.query(sql).trim();
		return text ? (JSON.parse(text) as T) : null;
	}
}

function literal(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}
