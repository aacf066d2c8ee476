import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { GRAPHQL_DIR } from '../schema/files';
import { SETTINGS, type Setting } from './settings';

/**
 * The settings table of graphql/README.md, written from SETTINGS between two markers. `npm run schema` rewrites it;
 * a test fails when it is stale.
 */

export const README_FILE = join(GRAPHQL_DIR, 'README.md');
export const START = '<!-- settings: generated from graphql/src/config/settings.ts by npm run schema; do not edit -->';
export const END = '<!-- /settings -->';

const MB = 1024 * 1024;

function shownDefault(setting: Setting): string {
	if (setting.shownDefault) return setting.shownDefault;
	const value = setting.default;
	if (value === null) return '—';
	if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
	if (typeof value === 'number' && value >= MB && value % MB === 0) return `${value / MB} MB`;
	if (typeof value === 'number' && setting.key.endsWith('Bytes') && value % 1024 === 0) return `${value / 1024} KB`;
	if (typeof value === 'boolean') return value ? 'on' : 'off';
	return `\`${String(value)}\``;
}

const typeName = (setting: Setting) => (typeof setting.type === 'object' ? setting.type.oneOf.join(' \\| ') : setting.type);

export function settingsTable(): string {
	const rows = SETTINGS.map(
		(s) => `| \`${s.env}\` | \`${s.key}\` | ${typeName(s)} | ${shownDefault(s)} | ${s.description.replace(/\|/g, '\\|')} |`,
	);
	return [START, '', '| Environment | Config file key | Type | Default | What it does |', '|---|---|---|---|---|', ...rows, '', END].join(
		'\n',
	);
}

/** The README with its settings section replaced by the current table. */
export function readmeWithSettings(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`${README_FILE} has no settings markers (${START} … ${END})`);
	return readme.slice(0, start) + settingsTable() + readme.slice(end + END.length);
}

export function writeSettingsDoc(): void {
	writeFileSync(README_FILE, readmeWithSettings(readFileSync(README_FILE, 'utf8')));
}

if (require.main === module) {
	writeSettingsDoc();
	console.log(`Wrote the settings table of ${README_FILE}`);
}
