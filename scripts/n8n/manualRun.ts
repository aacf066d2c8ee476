import type { N8nDatabase } from './database';
import type { StoredExecution } from './executions';

/**
 * A manual run the way the editor's "Execute workflow" button starts one (n8n 2.x REST API), for a running n8n.
 * In queue mode with OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true the main puts it on the queue and a worker runs it;
 * `n8n execute` cannot do that (it falls back to running in its own process).
 */
export async function startManualRun(url: string, cookie: string, workflowId: string, triggerName: string): Promise<number> {
	const response = await fetch(`${url}/rest/workflows/${encodeURIComponent(workflowId)}/run`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ triggerToStartFrom: { name: triggerName } }),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`n8n refused to run workflow ${workflowId} manually (HTTP ${response.status}): ${text.slice(0, 500)}`);
	const executionId = Number((JSON.parse(text) as { data?: { executionId?: string | number } }).data?.executionId);
	if (!Number.isInteger(executionId))
		throw new Error(`n8n's answer to a manual run of ${workflowId} has no execution id: ${text.slice(0, 500)}`);
	return executionId;
}

/** Ended: finished, or stopped on an error; not new, running or waiting. */
export function hasEnded(execution: StoredExecution): boolean {
	return execution.finished || ['success', 'error', 'crashed', 'canceled'].includes(execution.status);
}

/** Waits until the database holds `count` executions of the workflow newer than `afterId` that match `done`. */
export async function waitForExecutions(
	database: N8nDatabase,
	workflowId: string,
	options: { count?: number; afterId?: number; timeoutMs?: number; done?: (execution: StoredExecution) => boolean } = {},
): Promise<StoredExecution[]> {
	const { count = 1, afterId = 0, timeoutMs = 120_000, done = hasEnded } = options;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = database.executions(workflowId, afterId);
		const matching = executions.filter(done);
		if (matching.length >= count) return matching;
		if (Date.now() > deadline) {
			const seen = executions.map((execution) => `#${execution.id} ${execution.status}`).join(', ') || 'none';
			throw new Error(`expected ${count} ended execution(s) of ${workflowId} within ${timeoutMs} ms; seen: ${seen}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
