import { n8nRuleSets } from './eslint.rules.mjs';

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'simulator/**',
			'scripts/**',
			'e2e/**',
			'bench/**',
			'examples/**',
			'.n8n-host/**',
			'.tmp/**',
		],
	},
	...n8nRuleSets(),
];
