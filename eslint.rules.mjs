/**
 * The rule sets n8n applies to community packages, in one place: eslint.config.mjs lints the source with them,
 * and scripts/lint-generated.mjs lints the properties the editor receives (generated ones included) with the same.
 */
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const baseRules = (set) => ({ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: n8nNodesBase.configs[set].rules });

/** The config for a folder holding `nodes/`, `credentials/` and `package.json`. */
export function n8nRuleSets() {
	return [
		{
			files: ['**/*.ts', 'package.json'],
			languageOptions: {
				parser: tseslint.parser,
				parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
			},
		},
		{ files: ['**/*.ts', 'package.json'], ...n8nCommunityNodesPlugin.configs.recommended },
		{ files: ['package.json'], ...baseRules('community') },
		{ files: ['**/credentials/**/*.ts'], ...baseRules('credentials') },
		{ files: ['**/nodes/**/*.ts'], ...baseRules('nodes') },
		{
			// These older rules predate community packages and contradict the newer ones above: credentials of a
			// community package link to a full URL, connection types come from NodeConnectionTypes, and a maximum
			// that Twilio itself has is a valid maxValue (n8n's own scanner turns the same ones off).
			rules: {
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
	];
}
