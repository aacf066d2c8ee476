// Every source folder is linted. The n8n package (nodes, credentials, package.json) gets n8n's own rules, the ones
// n8n's verification scanner applies; everything else gets typescript-eslint's recommended rules.
import js from '@eslint/js';
import { config as n8nConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const N8N_FILES = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const OTHER_FILES = ['core/**/*.ts', 'graphql/**/*.ts', 'emulator/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'];

export default [
	{ ignores: ['dist/**', '**/node_modules/**', 'graphql/src/**/*.generated.ts', '.e2e/**', '.n8n-local/**'] },
	// n8n's config names its own files (package.json, ./nodes, ./credentials) or all .ts files: keep it to the package.
	...n8nConfig.map((block) => (block.files?.includes('**/*.ts') ? { ...block, files: N8N_FILES } : block)),
	...tseslint.config({
		files: OTHER_FILES,
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	}),
	// Tests read JSON answers freely.
	{ files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
];
