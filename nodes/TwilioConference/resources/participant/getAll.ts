import type { INodeProperties } from 'n8n-workflow';


const showOnlyForParticipantGetMany = { operation: ['getAll'], resource: ['participant'] };

const filter = (name: string, description: string): INodeProperties => ({
	displayName: name,
	name: name.toLowerCase(),
	type: 'boolean',
	default: true,
	description,
	routing: { send: { type: 'query', property: name } },
});

export const participantGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: showOnlyForParticipantGetMany },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...showOnlyForParticipantGetMany, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForParticipantGetMany },
		options: [
			filter('Coaching', 'Whether to return only participants who are coaching (true) or only those who are not (false)'),
			filter('Hold', 'Whether to return only participants on hold (true) or only those not on hold (false)'),
			filter('Muted', 'Whether to return only muted participants (true) or only unmuted ones (false)'),
		],
	},
];
