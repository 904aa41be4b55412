import type { IExecuteSingleFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

/** Whether a stored value holds an expression anywhere: only then does it differ from one item to the next. */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.charAt(0) === '=';
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * A parameter's value for the current item, as getNodeParameter gives it. A value without an expression is
 * taken as stored: evaluating it would copy and walk it for nothing, on every item. The result is read-only.
 */
export function itemParameter(
	context: IExecuteSingleFunctions,
	name: string,
	fallback: unknown,
	options: IGetNodeParameterOptions = {},
): unknown {
	const stored: unknown = context.getNodeParameter(name, fallback, { rawExpressions: true });
	if (stored !== undefined && !options.extractValue && !holdsExpression(stored)) return stored;
	return context.getNodeParameter(name, fallback, options);
}
