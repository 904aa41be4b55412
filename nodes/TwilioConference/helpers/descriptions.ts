import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RETRIES } from '../transport/retry';
import { DEFAULT_MAX_REQUESTS_IN_FLIGHT } from '../transport/settings';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	sidPrefix: string;
	sidModeName: string;
	/** What the SID is called in messages, e.g. "Call SID". */
	sidName: string;
	/** The mode that takes free text, if any: [name, display name, placeholder]. */
	textMode?: [string, string, string];
}

/** A picker: a searchable list, a SID checked as typed and, where there is one, a name or label. */
function locatorField(spec: LocatorSpec, show: Show): INodeProperties {
	const noun = spec.displayName.toLowerCase();
	const textMode = spec.textMode && {
		displayName: spec.textMode[1],
		name: spec.textMode[0],
		type: 'string' as const,
		placeholder: spec.textMode[2],
	};
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: spec.description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: spec.sidModeName,
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${spec.sidPrefix}0123456789abcdef0123456789abcdef`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${spec.sidPrefix}[0-9a-fA-F]{32}$`,
							errorMessage: `A ${spec.sidName} is "${spec.sidPrefix}" followed by 32 hexadecimal characters`,
						},
					},
				],
			},
			...(textMode ? [textMode] : []),
		],
	};
}

export function conferenceField(show: Show, name = 'conference'): INodeProperties {
	return locatorField(
		{
			displayName: 'Conference',
			name,
			description:
				'The live conference. By Friendly Name: Create joins the conference of that name or starts one; the other operations find the one conference in progress with exactly that name.',
			searchListMethod: 'searchConferences',
			sidPrefix: 'CF',
			sidModeName: 'By SID',
			sidName: 'conference SID',
			textMode: ['name', 'By Friendly Name', 'e.g. weekly-standup'],
		},
		show,
	);
}

export function participantField(show: Show): INodeProperties {
	return locatorField(
		{
			displayName: 'Participant',
			name: 'participant',
			description: 'The participant, by the Call SID of their call or by the label given when they were added',
			searchListMethod: 'searchParticipants',
			sidPrefix: 'CA',
			sidModeName: 'By Call SID',
			sidName: 'Call SID',
			textMode: ['label', 'By Label', 'e.g. customer'],
		},
		show,
	);
}

export function recordingField(show: Show): INodeProperties {
	return locatorField(
		{
			displayName: 'Recording',
			name: 'recording',
			description: "The conference recording, from the chosen conference's recordings or by its SID",
			searchListMethod: 'searchConferenceRecordings',
			sidPrefix: 'RE',
			sidModeName: 'By SID',
			sidName: 'recording SID',
		},
		show,
	);
}

/** Get Many's Filters: the list filters Twilio takes, each sent only when added. */
export function filtersCollection(show: Show, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options,
	};
}

export function simplifyField(show: Show): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			"Whether to return only the fields most workflows use (the SIDs, status, dates and the state that matters, such as a participant's muted and hold or why a conference ended) instead of Twilio's full answer",
		displayOptions: { show },
	};
}

export function customParametersField(show: Show): INodeProperties {
	return {
		displayName: 'Custom Parameters',
		name: 'customParameters',
		type: 'fixedCollection',
		placeholder: 'Add Parameter',
		default: {},
		typeOptions: { multipleValues: true },
		description:
			'Extra form parameters for Twilio features newer than this node, sent as given. A name used twice is sent twice, as Twilio expects for lists.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. NewFeatureFlag',
						description: "Twilio's parameter name, as written in its API reference",
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

const maxRetries: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	default: DEFAULT_MAX_RETRIES,
	typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
	description:
		'How many times to try again when Twilio says too many requests are open (429) or has a passing fault. Create, Update and Delete are only retried when Twilio certainly did not act on them.',
};

export function optionsCollection(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			maxRetries,
			{
				displayName: 'Max Requests In Flight',
				name: 'maxRequestsInFlight',
				type: 'number',
				default: DEFAULT_MAX_REQUESTS_IN_FLIGHT,
				typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
				description:
					"Most requests this n8n keeps open at once for the account, across all items and workflows. Twilio refuses requests beyond the account's limit (commonly about 100, shared with everything else that uses the account).",
			},
		],
	};
}
