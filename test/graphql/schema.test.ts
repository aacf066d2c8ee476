import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { GraphQLObjectType, GraphQLUnionType, buildSchema, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { CHECK_NAMES, COUNTRIES, documentOperations } from '../../core';
import { CODEGEN_CONFIG, CODEGEN_PLUGINS, SCHEMA_FILE, TYPES_FILE, typesFileText } from '../../graphql/src/schema/generate';
import { enumValueName } from '../../graphql/src/schema/names';
import { DEFAULT_POLICY } from '../../graphql/src/modules/verification/policy';
import { MODULES, moduleFile } from '../../graphql/src/schema/files';
import { buildSdl, generatedSdl } from '../../graphql/src/schema/sdl';

/** The published schema is the catalog's, and it is committed as generated. */

const sdl = buildSdl();
const schema = buildSchema(sdl);

describe('graphql/schema.graphql', () => {
	it('is what `npm run schema` generates from the catalog (run it after a catalog or normalizer change)', () => {
		expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(sdl);
	});

	it.each(MODULES.filter((module) => generatedSdl()[module]))(
		'modules/%s has its generated .graphql file as `npm run schema` writes it',
		(module) => {
			expect(readFileSync(moduleFile(module, 'generated'), 'utf8')).toBe(generatedSdl()[module]);
		},
	);

	it("declares verification's default policy as the resolver applies it", () => {
		const policy = schema.getType('VerificationPolicy') as unknown as { getFields(): Record<string, { defaultValue: unknown }> };
		const defaults = Object.fromEntries(Object.entries(policy.getFields()).map(([name, field]) => [name, field.defaultValue]));
		expect(defaults).toEqual(DEFAULT_POLICY);
	});

	it('has resolver types generated from the same SDL', () => {
		// The codegen plugins load ESM-only dependencies, which Node requires natively but jest's module runtime does not.
		const script = `
			const { codegen } = require('@graphql-codegen/core');
			const { parse } = require('graphql');
			const { sdl, config, plugins, filename } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
			codegen({ filename, schema: parse(sdl), documents: [], config,
				plugins: Object.keys(plugins).map((name) => ({ [name]: {} })),
				pluginMap: Object.fromEntries(Object.entries(plugins).map(([name, m]) => [name, require(m)])) })
				.then((out) => process.stdout.write(out), (e) => { console.error(e); process.exit(1); });`;
		const child = spawnSync(process.execPath, ['-e', script], {
			input: JSON.stringify({ sdl, config: CODEGEN_CONFIG, plugins: CODEGEN_PLUGINS, filename: TYPES_FILE }),
			cwd: join(__dirname, '..', '..'),
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		expect(child.stderr).toBe('');
		expect(readFileSync(TYPES_FILE, 'utf8')).toBe(typesFileText(child.stdout));
	});

	it('has one type per document, implementing IdDocument, and an enum value per document operation', () => {
		const documentIds = schema.getType('DocumentId') as unknown as { getValues(): { name: string }[] };
		expect(documentIds.getValues().map((v) => v.name)).toEqual(documentOperations().map((op) => enumValueName(op.id)));
		for (const op of documentOperations()) {
			const type = schema.getType(op.document!.typeName);
			expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toEqual(['IdDocument']);
			expect((schema.getType('ReadDocumentResult') as GraphQLUnionType).getTypes()).toContain(type);
		}
	});

	it('has the catalog countries and check names', () => {
		const countries = schema.getType('Country') as unknown as { getValues(): { name: string; description: string }[] };
		expect(countries.getValues().map((v) => v.name)).toEqual(COUNTRIES.map((c) => c.code));
		expect(Object.keys((schema.getType('Checks') as GraphQLObjectType).getFields())).toEqual([...CHECK_NAMES]);
	});

	it("lets a client select any fields of a union's members together (same name, same type)", () => {
		for (const type of Object.values(schema.getTypeMap())) {
			if (!isUnionType(type)) continue;
			const seen = new Map<string, string>();
			for (const member of type.getTypes()) {
				for (const field of Object.values(member.getFields())) {
					const previous = seen.get(field.name);
					expect({ union: type.name, field: field.name, type: previous ?? String(field.type) }).toEqual({
						union: type.name,
						field: field.name,
						type: String(field.type),
					});
					seen.set(field.name, String(field.type));
				}
			}
		}
	});

	it('gives every operation result a Problem member, and every Problem the interface fields', () => {
		const problem = schema.getType('Problem');
		expect(isInterfaceType(problem)).toBe(true);
		for (const name of [
			'ReadDocumentResult',
			'FaceCompareResult',
			'IdHoldingResult',
			'FaceSearchResult',
			'WhatsappCheckResult',
			'AddFaceResult',
			'DeleteFaceResult',
		]) {
			const members = (schema.getType(name) as GraphQLUnionType).getTypes();
			expect(members.some((m) => m.getInterfaces().some((i) => i.name === 'Problem'))).toBe(true);
		}
	});
});
