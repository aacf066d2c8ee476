import { readFileSync } from 'fs';
import { join } from 'path';
import { GENERATED_BLOCKS, markersOf, withFreshBlock, type GeneratedBlock } from '../../scripts/update-docs';

const ROOT = join(__dirname, '..', '..');

describe('generated docs', () => {
	it.each(GENERATED_BLOCKS.map((block) => [`${block.file} (${block.name})`, block] as const))(
		'%s holds the table the catalog makes (run `npm run docs` after changing the catalog)',
		(_label, block) => {
			const text = readFileSync(join(ROOT, block.file), 'utf8');
			expect(text).toBe(withFreshBlock(text, block));
		},
	);

	it('notices a stale table and a file without markers', () => {
		const block: GeneratedBlock = { file: 'example.md', name: 'example', make: () => '| fresh |' };
		const { start, end } = markersOf('example');
		const stale = `# Page\n${start}\n| stale |\n${end}\nafter\n`;
		expect(withFreshBlock(stale, block)).toBe(`# Page\n${start}\n| fresh |\n${end}\nafter\n`);
		expect(() => withFreshBlock('# Page without markers\n', block)).toThrow(`example.md needs the markers ${start} and ${end}`);
	});

	it('keeps the operations table out of the README, which links to it', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		expect(readme).not.toContain(markersOf('operations').start);
		expect(readme).toContain('docs/operations.md');
	});
});
