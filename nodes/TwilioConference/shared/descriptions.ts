import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CALLS_PER_SECOND, DEFAULT_MAX_RETRIES } from './executor';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export function conferenceField(show: Show, acceptsFriendlyName: boolean): INodeProperties {
	return {
		displayName: 'Conference',
		name: 'conference',
		type: 'string',
		required: true,
		default: '',
		placeholder: acceptsFriendlyName ? 'e.g. weekly-standup or CF0123456789abcdef0123456789abcdef' : 'e.g. CF0123456789abcdef0123456789abcdef',
		description: acceptsFriendlyName
			? 'Conference SID (CF…) of a live conference, or a friendly name: Twilio adds the participant to the live conference of that name, or starts one'
			: 'SID of the conference (CF followed by 32 hexadecimal characters)',
		displayOptions: { show },
	};
}

export function participantField(show: Show): INodeProperties {
	return {
		displayName: 'Participant',
		name: 'participant',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CA0123456789abcdef0123456789abcdef or customer',
		description: "The participant's Call SID (CA…) or the label given when it was added",
		displayOptions: { show },
	};
}

const maxRetries: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	default: DEFAULT_MAX_RETRIES,
	typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
	description:
		"How many times to try again when Twilio asks to slow down (429) or has a passing fault. Changes are only retried when Twilio certainly did not act on them.",
};

export function optionsCollection(show: Show, pacesCalls: boolean): INodeProperties {
	const values: INodeProperties[] = [maxRetries];
	if (pacesCalls) {
		values.unshift({
			displayName: 'Calls Per Second',
			name: 'callsPerSecond',
			type: 'number',
			default: DEFAULT_CALLS_PER_SECOND,
			typeOptions: { minValue: 1, maxValue: 30, numberPrecision: 0 },
			description:
				"Most participants to add per second for this account. Twilio allows 1 by default and up to 30 when raised on request; match the account's limit.",
		});
	}
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: values,
	};
}
