const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript: icons and codex files are copied beside the compiled node and credentials.
task('build:assets', copyAssets);

function copyAssets() {
	const sources = [path.resolve('nodes', '**', '*.{png,svg}'), path.resolve('credentials', '**', '*.{png,svg}')];
	// encoding: false keeps binary icons byte for byte under gulp 5.
	return src(sources, { base: '.', encoding: false }).pipe(dest('dist'));
}
