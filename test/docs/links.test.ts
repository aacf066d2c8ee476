import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';

/** The user-facing pages: the README (the npm page), every page of docs/, and the folder pages that point into them. */
const ROOT = join(__dirname, '..', '..');
const DOCS = readdirSync(join(ROOT, 'docs')).filter((file) => file.endsWith('.md'));
const PAGES = ['README.md', 'nodes/README.md', 'bench/README.md', ...DOCS.map((file) => `docs/${file}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[`*_]/g, '')
		.replace(/[^\p{L}\p{N} -]/gu, '')
		.replace(/ /g, '-');
}

function anchorsIn(markdown: string): Set<string> {
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
	return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1])));
}

/** Relative link targets of a page (web links, mail links and in-page anchors left out), outside code blocks. */
function relativeLinks(markdown: string): string[] {
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
	return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^(?:[a-z]+:|#)/i.test(target));
}

describe('links in the docs', () => {
	it('computes GitHub anchors', () => {
		expect(anchorOf('Working on the n8n nodes')).toBe('working-on-the-n8n-nodes');
		expect(anchorOf('Last figures (2026-11-21)')).toBe('last-figures-2026-11-21');
		expect(anchorOf('`.ci/run`')).toBe('cirun');
	});

	it.each(PAGES)('%s links only to files and headings that exist', (page) => {
		const text = readFileSync(join(ROOT, page), 'utf8');
		const broken: string[] = [];
		for (const target of relativeLinks(text)) {
			const [path, anchor] = target.split('#');
			const file = join(ROOT, dirname(page), decodeURIComponent(path));
			if (!existsSync(file)) broken.push(`${target} (no file ${relative(ROOT, file)})`);
			else if (anchor && file.endsWith('.md') && !anchorsIn(readFileSync(file, 'utf8')).has(anchor)) {
				broken.push(`${target} (no heading #${anchor})`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('finds a broken link', () => {
		expect(relativeLinks('see [a](docs/none.md), [b](https://example.org) and [c](#here)')).toEqual(['docs/none.md']);
	});
});
