import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { itemParameter } from './parameters';

/** What Simplify keeps, by resource: who or what it is, its state, and what decides how it ends. */
export const SIMPLE_FIELDS: Record<string, string[]> = {
	participant: [
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
	],
	conference: [
		'sid',
		'friendly_name',
		'status',
		'region',
		'reason_conference_ended',
		'call_sid_ending_conference',
		'date_created',
		'date_updated',
	],
	conferenceRecording: [
		'sid',
		'conference_sid',
		'call_sid',
		'status',
		'start_time',
		'duration',
		'channels',
		'source',
		'error_code',
		'date_created',
		'date_updated',
	],
};

export function simplified(item: INodeExecutionData, resource = 'participant'): INodeExecutionData {
	const json: INodeExecutionData['json'] = {};
	for (const key of SIMPLE_FIELDS[resource] ?? SIMPLE_FIELDS.participant)
		if (key in item.json) json[key] = item.json[key];
	return { ...item, json };
}

/** The output step of operations with a Simplify field. */
export function simplifyWhenAsked(this: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	if (!itemParameter(this, 'simplify', false)) return items;
	const resource = String(itemParameter(this, 'resource', 'participant'));
	return items.map((item) => simplified(item, resource));
}
