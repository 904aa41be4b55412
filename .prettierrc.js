/**
 * Prettier, set as n8n's node starter sets it (tabs, single quotes, semicolons, trailing commas, LF), except the
 * width: the code and its comments were written to 120 columns, and at 100 many more calls and literals would
 * break over several lines. Tables of one row per Twilio parameter are kept on one line each with
 * `// prettier-ignore` (see resources/participant/create.fields.ts).
 */
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 120,
};
