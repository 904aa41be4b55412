'use strict';
/**
 * Lets the bench `require()` the project's TypeScript test harness (test/helpers/*.ts): each `.ts` file is
 * transpiled on load with the project's own `typescript` (no type check; CommonJS, as jest's ts-jest does).
 */
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };

if (!require.extensions['.ts']) {
	require.extensions['.ts'] = (module, filename) => {
		const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
			compilerOptions,
			fileName: filename,
		});
		module._compile(outputText, filename);
	};
}
