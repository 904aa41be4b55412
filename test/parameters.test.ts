import type { IExecuteSingleFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

import { holdsExpression, itemParameter } from '../nodes/TwilioConference/helpers/parameters';

/** A context whose stored parameters are `stored`; an evaluation is counted and marks what it returns. */
function contextWith(stored: Record<string, unknown>) {
	const evaluated: string[] = [];
	const context = {
		getNodeParameter(name: string, fallback: unknown, options: IGetNodeParameterOptions = {}) {
			const value =
				name.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], stored) ??
				fallback;
			if (options.rawExpressions) return value;
			evaluated.push(name);
			return { evaluated: value };
		},
	} as unknown as IExecuteSingleFunctions;
	return { context, evaluated };
}

describe('holdsExpression', () => {
	test.each([
		['plain', false],
		['={{ $json.callSid }}', true],
		[{ __rl: true, mode: 'id', value: 'CA1' }, false],
		[{ __rl: true, mode: 'id', value: '={{ $json.callSid }}' }, true],
		[
			{
				parameter: [
					{ name: 'A', value: 'b' },
					{ name: 'B', value: '={{ 1 }}' },
				],
			},
			true,
		],
		[[1, true, null], false],
	])('%j: %s', (value, expected) => {
		expect(holdsExpression(value)).toBe(expected);
	});
});

describe('itemParameter', () => {
	test('a value without an expression is taken as stored, without an evaluation', () => {
		const locator = { __rl: true, mode: 'id', value: 'CF0123' };
		const { context, evaluated } = contextWith({ conference: locator, options: { maxRetries: 2 } });
		expect(itemParameter(context, 'conference', undefined, { extractValue: false })).toBe(locator);
		expect(itemParameter(context, 'options', {})).toEqual({ maxRetries: 2 });
		expect(evaluated).toEqual([]);
	});

	test('a value holding an expression anywhere is evaluated for the item', () => {
		const { context, evaluated } = contextWith({
			participant: { __rl: true, mode: 'id', value: '={{ $json.callSid }}' },
			options: { maxRetries: '={{ $json.n }}' },
		});
		expect(itemParameter(context, 'participant', undefined, { extractValue: false })).toHaveProperty('evaluated');
		expect(itemParameter(context, 'options', {})).toHaveProperty('evaluated');
		expect(evaluated).toEqual(['participant', 'options']);
	});

	test('a missing value gives the fallback; without one, and with extractValue, getNodeParameter answers (and throws)', () => {
		const { context, evaluated } = contextWith({ conference: { __rl: true, mode: 'id', value: 'CF0123' } });
		expect(itemParameter(context, 'simplify', false)).toBe(false);
		expect(itemParameter(context, 'participant', undefined)).toEqual({ evaluated: undefined });
		expect(itemParameter(context, 'conference', undefined, { extractValue: true })).toHaveProperty('evaluated');
		expect(evaluated).toEqual(['participant', 'conference']);
	});
});
