import { OPERATIONS, VENDORS } from './index';
import type { Operation, StatusRule } from './types';

/** The README's operations table, made from the catalog (a test keeps the README in step). */
export function operationsTable(): string {
	const rows = OPERATIONS.map((op, i) =>
		[
			i + 1,
			`\`${op.id}\``,
			VENDORS[op.vendor].name,
			`\`${op.vendorCountry ? `${op.vendorCountry}: ` : ''}${op.path}\``,
			op.title,
			inputs(op),
			limits(op),
			statuses(op),
		].join(' | '),
	);
	return [
		'| # | id | vendor | path | what | inputs | limits | statuses → outcome |',
		'|---|---|---|---|---|---|---|---|',
		...rows.map((row) => `| ${row} |`),
	].join('\n');
}

const inputs = (op: Operation) => op.inputs.map((i) => `${i.name}${i.required ? '' : '?'}`).join(', ');

function limits(op: Operation): string {
	if (!op.limits) return '';
	const l = op.limits;
	const mb = `≤ ${l.maxBytes / (1024 * 1024)} MB`;
	const px = l.minPixels !== undefined ? `, ${l.minPixels}–${l.maxPixels} px` : '';
	return `${mb}, ${l.formats.join('/')}${px}`;
}

function describe(name: string, rule: StatusRule): string {
	const flags = [rule.charged ? 'charged' : '', rule.retryable ? 'retried' : ''].filter(Boolean).join(', ');
	return `${name}${rule.httpStatus && rule.httpStatus !== 200 ? ` (${rule.httpStatus})` : ''} → ${rule.outcome}${flags ? ` (${flags})` : ''}`;
}

function statuses(op: Operation): string {
	const parts: string[] = [];
	for (const [status, rule] of Object.entries(op.statuses)) {
		if (status === 'OK' && op.verdicts) {
			for (const [value, verdict] of Object.entries(op.verdicts.values)) parts.push(describe(`OK/${value}`, verdict));
		} else parts.push(describe(status, rule));
		for (const [message, override] of Object.entries(op.messageOverrides?.[status] ?? {}))
			parts.push(describe(`${status}/${message}`, override));
	}
	return parts.join('<br>');
}
