// Copies node and credential icons, and the nodes' codex files (*.node.json), next to the compiled code, where n8n looks for them.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist')),
);
