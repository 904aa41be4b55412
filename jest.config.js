/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true, esModuleInterop: true, module: 'commonjs', target: 'es2022' } }] },
	testTimeout: 60_000,
	setupFilesAfterEnv: ['<rootDir>/test/helpers/quiet.ts'],
	// Tests start their own servers and one n8n engine per file; two workers fit this project's 2-core machines.
	maxWorkers: 2,
};
