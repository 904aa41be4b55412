import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { itemParameter } from './parameters';

/** What Simplify keeps of a participant: who, their state, and the settings that decide how they leave. */
export const SIMPLE_FIELDS = [
	'call_sid',
	'label',
	'status',
	'queue_time',
	'muted',
	'hold',
	'coaching',
	'call_sid_to_coach',
	'start_conference_on_enter',
	'end_conference_on_exit',
	'conference_sid',
	'date_created',
	'date_updated',
];

export function simplified(item: INodeExecutionData): INodeExecutionData {
	const json: INodeExecutionData['json'] = {};
	for (const key of SIMPLE_FIELDS) if (key in item.json) json[key] = item.json[key];
	return { ...item, json };
}

/** The output step of operations with a Simplify field. */
export function simplifyWhenAsked(this: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	return itemParameter(this, 'simplify', false) ? items.map(simplified) : items;
}
