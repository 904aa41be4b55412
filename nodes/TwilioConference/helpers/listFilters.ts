import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checked, InvalidValue, twilioDay } from './validation';

/**
 * Twilio's date filters on lists: `DateCreated` is one UTC day, `DateCreated<` that day or before and
 * `DateCreated>` that day or after (Twilio writes them `DateCreated<=…` and `DateCreated>=…`: the key ends in `<`
 * or `>`). n8n sends the query as Twilio's own library does, the key percent-encoded: `DateCreated%3C=2026-11-01`.
 */
const RELATIONS: Array<[suffix: string, label: string, description: string]> = [
	['', 'On', 'on this day'],
	['>', 'On or After', 'on this day or after'],
	['<', 'On or Before', 'on this day or before'],
];

/** The three filter fields of one date, e.g. Created On / On or Before / On or After for `DateCreated`. */
export function dateFilterFields(queryName: 'DateCreated' | 'DateUpdated', noun: string): INodeProperties[] {
	const verb = queryName === 'DateCreated' ? 'Created' : 'Updated';
	return RELATIONS.map(([suffix, label, description]) => ({
		displayName: `${verb} ${label}`,
		// createdOn, createdOnOrAfter, createdOnOrBefore, updatedOn, …
		name: `${verb.toLowerCase()}${label.replace(/ (\w)/g, (_m, c: string) => c.toUpperCase())}`,
		type: 'dateTime',
		default: '',
		description: `Only ${noun} ${verb.toLowerCase()} ${description} (a UTC day; the time of day is ignored)`,
		routing: { send: { type: 'query', property: `${queryName}${suffix}`, propertyInDotNotation: false } },
	}));
}

/** The field name people see for a date query key, e.g. `DateCreated<` -> `Created On or Before`. */
export function dateFieldName(key: string): string | undefined {
	const match = /^Date(Created|Updated)([<>]?)$/.exec(key);
	const relation = RELATIONS.find(([suffix]) => suffix === match?.[2]);
	return match && relation ? `${match[1]} ${relation[1]}` : undefined;
}

/** A filter Twilio would not read, with the field name people see. */
export class FilterProblem {
	constructor(
		readonly field: string,
		readonly message: string,
	) {}
}

/** Date keys of a list query as Twilio reads them (YYYY-MM-DD); an empty one is left out. */
export function checkedDates(query: IDataObject, keys: string[]): IDataObject | FilterProblem {
	const result = { ...query };
	for (const key of keys) {
		const value = result[key];
		if (value === undefined || value === null || value === '') {
			delete result[key];
			continue;
		}
		const day = checked(() => twilioDay(value));
		if (day instanceof InvalidValue) return new FilterProblem(dateFieldName(key) ?? key, day.message);
		result[key] = day;
	}
	return result;
}

export const CREATED_KEYS = ['DateCreated', 'DateCreated<', 'DateCreated>'];
export const UPDATED_KEYS = ['DateUpdated', 'DateUpdated<', 'DateUpdated>'];
