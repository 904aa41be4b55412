/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{ tsconfig: { isolatedModules: true, esModuleInterop: true, module: 'commonjs', target: 'es2022' } },
		],
	},
	testTimeout: 60_000,
	setupFilesAfterEnv: ['<rootDir>/test/helpers/quiet.ts'],
	// Each file starts its own servers and an n8n engine, and several measure time: two files at once keep them
	// from starving each other.
	maxWorkers: 2,
};
