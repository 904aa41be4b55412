import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiParameter, FieldRow } from './apiParameters';

const ACRONYMS: Record<string, string> = {
	Amd: 'AMD',
	Byoc: 'BYOC',
	Id: 'ID',
	Sid: 'SID',
	Sip: 'SIP',
	Url: 'URL',
	Zip: 'ZIP',
};

/** `CallSidToCoach` -> `Call SID To Coach` */
export function displayNameOf(api: string): string {
	return api
		.split(/(?=[A-Z])/)
		.map((word) => ACRONYMS[word] ?? word)
		.join(' ');
}

const METHODS: INodePropertyOptions[] = [
	{ name: 'GET', value: 'GET' },
	{ name: 'POST', value: 'POST' },
];

function optionsOf(parameter: ApiParameter): INodePropertyOptions[] {
	return (parameter.values ?? [])
		.map(([name, value]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** One collection entry for a Twilio form parameter; routing puts its value in the body under Twilio's name. */
export function toProperty(parameter: FieldRow): INodeProperties {
	const base = {
		displayName: parameter.displayName,
		name: parameter.name,
		description: parameter.description,
		routing: { send: { type: 'body' as const, property: parameter.api, propertyInDotNotation: false } },
		...(parameter.placeholder ? { placeholder: parameter.placeholder } : {}),
		...(parameter.hint ? { hint: parameter.hint } : {}),
	};
	switch (parameter.kind) {
		case 'boolean':
			return { ...base, type: 'boolean', default: parameter.default ?? false };
		case 'integer':
			return {
				...base,
				type: 'number',
				default: parameter.default ?? parameter.min ?? 0,
				typeOptions: { numberPrecision: 0, minValue: parameter.min, maxValue: parameter.max },
			};
		case 'method':
			return { ...base, type: 'options', options: METHODS, default: parameter.default ?? 'POST' };
		case 'options':
			return { ...base, type: 'options', options: optionsOf(parameter), default: parameter.default ?? '' };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: optionsOf(parameter), default: parameter.default ?? [] };
		case 'password':
			return { ...base, type: 'string', typeOptions: { password: true }, default: '' };
		default:
			return { ...base, type: 'string', default: '' };
	}
}

/** A collection's entries, alphabetical as the editor lists them. */
export function toCollectionOptions(parameters: FieldRow[]): INodeProperties[] {
	return parameters.map(toProperty).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
