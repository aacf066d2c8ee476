import { readFileSync } from 'fs';
import { join } from 'path';
import { withFreshTable } from '../scripts/update-readme';

describe('README', () => {
	it('has the operations table the catalog makes (run `npm run readme` after changing the catalog)', () => {
		const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
		expect(readme).toBe(withFreshTable(readme));
	});
});
